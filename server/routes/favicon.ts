import { Hono } from "hono";
import type { AppEnv } from "../deps.js";

// Browsers ask every site for /favicon.ico; without one, each citizen page logs a 404 in the console (and
// Lighthouse counts it). A 16×16 icon, the survey's blue with a white tick, as a PNG inside an ICO:
// 150 bytes, cached for a year (its bytes never change under this address).
const ICON = Uint8Array.from(
  atob(
    "AAABAAEAEBAAAAEAGACAAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAQAAAAEAgCAAAAkJFoNgAAAEdJREFUeNpj4LbNIwkxDA4N////J0HDfxggSgOaagIaMFWjaECTwKoaoQFTmoAGNBW4VKP74T8qICoe8KvGHkp4VA+etISMAM92BcX2XR+MAAAAAElFTkSuQmCC",
  ),
  (char) => char.charCodeAt(0),
);

export const faviconRoutes = new Hono<AppEnv>().get("/favicon.ico", (c) =>
  c.body(ICON, 200, {
    "content-type": "image/x-icon",
    "cache-control": "public, max-age=31536000, immutable",
  }),
);
