import { encodeBilevelPng } from "./png.js";
import { type QrMatrix, qrExtent } from "./qr-matrix.js";

/**
 * A QR symbol as a PNG of `size` × `size` pixels. Modules are whole pixels (a blurred module edge is
 * what makes cheap phones fail), so the symbol is drawn at the largest integer scale that fits with its
 * quiet zone, and the remainder widens the light margin. Below one pixel per module the image grows
 * to the smallest size that still holds the symbol. Returns the PNG and its actual side in pixels.
 */
export function renderQrPng(matrix: QrMatrix, size: number): { png: Uint8Array<ArrayBuffer>; side: number } {
  const extent = qrExtent(matrix);
  const scale = Math.max(1, Math.floor(size / extent));
  const side = Math.max(size, extent * scale);
  const margin = Math.floor((side - matrix.size * scale) / 2);
  const stride = Math.ceil(side / 8);
  const light = new Uint8Array(stride).fill(0xff);
  const moduleRows = Array.from({ length: matrix.size }, (_, row) =>
    packRow(matrix, row, { scale, margin, stride }),
  );
  const png = encodeBilevelPng({
    width: side,
    height: side,
    row: (y) => {
      const row = Math.floor((y - margin) / scale);
      return y < margin || row >= matrix.size ? light : (moduleRows[row] as Uint8Array);
    },
  });
  return { png, side };
}

// One module row of the symbol as a packed scanline (1 = white, as PNG greyscale reads it).
function packRow(
  matrix: QrMatrix,
  row: number,
  layout: { scale: number; margin: number; stride: number },
): Uint8Array {
  const line = new Uint8Array(layout.stride).fill(0xff);
  for (let col = 0; col < matrix.size; col++) {
    if (!matrix.modules[row * matrix.size + col]) continue;
    const from = layout.margin + col * layout.scale;
    for (let x = from; x < from + layout.scale; x++) {
      line[x >> 3] = (line[x >> 3] as number) & ~(0x80 >> (x & 7));
    }
  }
  return line;
}
