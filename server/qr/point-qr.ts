import { type QrLevel, type QrMatrix, qrMatrix } from "./qr-matrix.js";

/**
 * Level of the QR codes of points (the /qr images and posters): Q, because printed posters get worn,
 * folded and taped over; a point's URL is short, so Q still gives a coarse symbol (version 4 for a
 * typical PUBLIC_URL).
 */
export const POINT_QR_LEVEL: QrLevel = "Q";

/**
 * Level of one-time link slips: M (the contract's minimum), because their URL carries a token and a
 * slip is printed small and handed over once, not left on a counter for months.
 */
export const SLIP_QR_LEVEL: QrLevel = "M";

/** The QR symbol of a point's survey URL, as printed on posters and served by /qr. */
export function pointQr(url: string): QrMatrix {
  return qrMatrix(url, POINT_QR_LEVEL);
}
