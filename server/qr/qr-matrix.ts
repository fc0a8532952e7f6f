import { create } from "qrcode";

/** Error correction: M at least (DESIGN.md); Q for posters, which get worn, folded and taped over. */
export type QrLevel = "M" | "Q" | "H";

/** Light modules around the symbol, as ISO/IEC 18004 asks: scanners need the margin to find the code. */
export const QUIET_ZONE = 4;

/** A QR symbol as a square of modules, row by row; 1 = dark. */
export type QrMatrix = { size: number; modules: Uint8Array };

/** Encodes a text (a URL) as a QR symbol; the qrcode package picks the smallest version and mode. */
export function qrMatrix(text: string, level: QrLevel): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: level });
  return { size: modules.size, modules: modules.data };
}

/**
 * SVG path data that draws every dark module, one horizontal run per subpath, in a coordinate space of
 * one unit per module with the quiet zone included (viewBox 0 0 n n, n = size + 8).
 */
export function qrPathData(matrix: QrMatrix): string {
  const { size, modules } = matrix;
  let d = "";
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules[row * size + col]) col++;
      d += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`;
    }
  }
  return d;
}

/** The side of the drawing in modules, quiet zone included. */
export function qrExtent(matrix: QrMatrix): number {
  return matrix.size + 2 * QUIET_ZONE;
}

/** A symbol as the inline SVG of a page draws it (survey-ui's QrImage). */
export function qrDrawing(matrix: QrMatrix): { path: string; extent: number } {
  return { path: qrPathData(matrix), extent: qrExtent(matrix) };
}
