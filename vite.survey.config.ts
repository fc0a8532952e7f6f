import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The survey page's client script (plain TypeScript, no framework): one self-contained file, dist/survey/client.js, that the server inlines
// into each survey page (one response, no second request). The Node entry reads it at start-up and hands it
// to createApp as `surveyScript`; the Workers entry can do the same from its assets binding.
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL("dist/survey", import.meta.url)),
    emptyOutDir: true,
    // Cheap phones keep old WebViews: no syntax newer than ES2018 reaches them.
    target: "es2018",
    lib: {
      entry: fileURLToPath(new URL("survey-ui/survey/client.ts", import.meta.url)),
      formats: ["iife"],
      name: "hailongSurvey",
      fileName: () => "client.js",
    },
    reportCompressedSize: true,
  },
});
