import jsQR from "jsqr";
import { PNG } from "pngjs";

/** Reads a PNG with pngjs (which checks every chunk's CRC) into its size and RGBA pixels. */
export function readPng(bytes: Uint8Array) {
  const image = PNG.sync.read(Buffer.from(bytes));
  return { width: image.width, height: image.height, rgba: new Uint8ClampedArray(image.data) };
}

/** The text of the QR code in a PNG image (a screenshot or our own output), or null when none is found. */
export function decodeQrPng(bytes: Uint8Array): string | null {
  const { width, height, rgba } = readPng(bytes);
  return jsQR(rgba, width, height, { inversionAttempts: "dontInvert" })?.data ?? null;
}
