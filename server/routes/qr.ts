import { Hono } from "hono";
import { etag } from "hono/etag";
import { pointCodeSchema } from "../../shared/contract/catalogue.js";
import * as z from "../../shared/contract/zod.js";
import { findPointByCode } from "../db/queries/points.js";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { validate } from "../lib/validate.js";
import { surveyUrl } from "../links/survey-url.js";
import { etagOf, setImageCaching } from "../qr/http-cache.js";
import { LruCache } from "../qr/lru-cache.js";
import { POINT_QR_LEVEL, pointQr } from "../qr/point-qr.js";
import { renderQrPng } from "../qr/qr-png.js";
import { renderQrSvg } from "../qr/qr-svg.js";

// Bumped when the drawing changes, so that cached images are revalidated into the new one.
const RENDERING = "qr-1";

// At most ~4 KB an image (a 2048 px PNG is ~3 KB, an SVG ~4 KB): about 1 MB when full.
const rendered = new LruCache<string | Uint8Array<ArrayBuffer>>(256);

const imageQuery = z.object({
  // Pixels per side of a PNG: 64 fits a console thumbnail, 2048 a large print at 300 dpi.
  size: z._default(z.coerce.number().check(z.int(), z.minimum(64), z.maximum(2048)), 512),
  // kiosk=1: the address of the same survey in kiosk mode, for the console's "tablet mode".
  kiosk: z.optional(z.literal("1")),
});

const FILE = /^([^./]+)\.(svg|png)$/;

// Conditional GETs (If-None-Match) are answered 304 by hono/etag, from the ETag the handler sets.
const cached = new Hono<AppEnv>().use("/qr/*", etag());

/**
 * QR images of a point's survey URL, public: they encode only the address printed on the counter. An
 * archived point still answers, since its old posters lead to the survey's "this counter has moved" page.
 */
export const qrRoutes = cached.get("/qr/:file", validate("query", imageQuery), async (c) => {
  const { db, config } = c.var.deps;
  const file = FILE.exec(c.req.param("file"));
  if (!file) throw new ApiError("NOT_FOUND", "QR images are served as CODE.svg or CODE.png.");
  const code = pointCodeSchema.safeParse(file[1]);
  const point = code.success ? await findPointByCode(db, code.data) : undefined;
  if (!point) throw new ApiError("POINT_NOT_FOUND", "There is no survey point with this code.");
  const format = file[2] as "svg" | "png";
  const { size, kiosk } = c.req.valid("query");
  const url = `${surveyUrl(config.publicUrl, point.code)}${kiosk ? "?kiosk=1" : ""}`;
  const tag = etagOf(RENDERING, POINT_QR_LEVEL, format, format === "png" ? size : "", url);
  setImageCaching(c, tag);
  // A revalidation that hono/etag answers 304 finds the image here too, so it rarely renders.
  let image = rendered.get(tag);
  if (image === undefined) {
    image = format === "svg" ? renderQrSvg(pointQr(url), url) : renderQrPng(pointQr(url), size).png;
    rendered.set(tag, image);
  }
  c.header("Content-Type", format === "svg" ? "image/svg+xml; charset=utf-8" : "image/png");
  return c.body(image);
});
