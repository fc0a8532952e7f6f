import { type QrMatrix, qrExtent, qrPathData } from "./qr-matrix.js";

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (ch) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot" }[ch]};`);

/**
 * A standalone SVG document of a QR symbol: white background (the quiet zone must stay light even on a
 * dark page), crisp module edges, and the encoded text as its title for screen readers.
 */
export function renderQrSvg(matrix: QrMatrix, title: string): string {
  const n = qrExtent(matrix);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges" role="img">` +
    `<title>${escapeXml(title)}</title><rect width="${n}" height="${n}" fill="#fff"/>` +
    `<path fill="#000" d="${qrPathData(matrix)}"/></svg>`
  );
}
