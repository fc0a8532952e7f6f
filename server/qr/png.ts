import { zlibSync } from "fflate";
import { crc32 } from "./crc32.js";

// A minimal PNG writer (greyscale, 1 bit per pixel) built on fflate's zlib, because qrcode's own PNG
// output needs pngjs, Buffer and node:zlib, which Workers do not have.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A black-and-white image given row by row (see `encodeBilevelPng`). */
type BilevelImage = { width: number; height: number; row: (y: number) => Uint8Array };

/**
 * Encodes a bilevel image as PNG. `row(y)` returns the packed scanline of row y (1 bit per pixel,
 * most significant bit first, 1 = white as PNG greyscale has it).
 */
export function encodeBilevelPng(image: BilevelImage): Uint8Array<ArrayBuffer> {
  const stride = Math.ceil(image.width / 8);
  const raw = new Uint8Array((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    // Filter type 0 (none) for every row: the rows are already runs that zlib compresses well.
    raw.set(image.row(y), y * (stride + 1) + 1);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, image.width);
  view.setUint32(4, image.height);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  const chunks = [
    chunk("IHDR", header),
    chunk("IDAT", zlibSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(SIGNATURE.length + chunks.reduce((sum, c) => sum + c.length, 0));
  png.set(SIGNATURE);
  let offset = SIGNATURE.length;
  for (const c of chunks) {
    png.set(c, offset);
    offset += c.length;
  }
  return png;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
