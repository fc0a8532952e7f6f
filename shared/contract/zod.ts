import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

// zod/mini, the tree-shakable build of zod, for every schema: the Worker bundle then carries only the parts
// the schemas use (issue 20, "bundle"). Unlike full zod it loads no messages; English is loaded here, as full
// zod did, so that an issue reads "Too small: expected string to have >=1 characters" rather than "Invalid
// input". Every schema module imports z from here, so no schema can run before the messages are set.
z.config(en());

export * from "zod/mini";
