import { toBuffer } from "qrcode";
import { dossierKeyedHash } from "../server/links/dossier.js";
import { signLinkToken, verifyLinkToken } from "../server/links/link-token.js";
import { POINT_QR_LEVEL, pointQr } from "../server/qr/point-qr.js";
import { qrDrawing, qrMatrix } from "../server/qr/qr-matrix.js";
import { renderQrPng } from "../server/qr/qr-png.js";
import { renderQrSvg } from "../server/qr/qr-svg.js";
import { renderPosterPage } from "../survey-ui/posters/poster-page.js";

// In-process costs of QR images, posters and link tokens, each beside the floor it is compared with:
// our PNG writer (fflate + CRC32, runs on Workers) against the qrcode package's own (pngjs, Node only),
// token signing against one bare WebCrypto HMAC, a poster against the QR symbol it draws.

const URL_OF_POINT = "https://hailong.example.gov.vn/s/K7F3QM";
const secret = "bench-secret-0123456789abcdefghijklmnopqrstuv";

/** Runs `fn` repeatedly for about `ms` (after a warm-up) and returns operations per second. */
async function rate(fn: () => unknown, ms = 1500): Promise<number> {
  for (let i = 0; i < 50; i++) await fn();
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    for (let i = 0; i < 20; i++) await fn();
    count += 20;
  }
  return count / ((performance.now() - started) / 1000);
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const rows: string[] = [];
const row = (what: string, figure: number, floorName: string, floor: number, unit = "ops/s") =>
  rows.push(
    `| ${what} | ${fmt(figure)} ${unit} | ${floorName}: ${fmt(floor)} ${unit} | ${(figure / floor).toFixed(2)}× |`,
  );

const matrix = pointQr(URL_OF_POINT);
const key = await crypto.subtle.importKey(
  "raw",
  new TextEncoder().encode(secret),
  { name: "HMAC", hash: "SHA-256" },
  false,
  ["sign"],
);
const payload = new Uint8Array(17);
const bareHmac = await rate(() => crypto.subtle.sign("HMAC", key, payload));
row(
  "signLinkToken",
  await rate(() => signLinkToken({ secret, pointCode: "K7F3QM", expiresAt: 2e12 })),
  "bare HMAC-SHA-256",
  bareHmac,
);
const { token } = await signLinkToken({ secret, pointCode: "K7F3QM", expiresAt: 2e12 });
row(
  "verifyLinkToken (valid)",
  await rate(() => verifyLinkToken({ secret, token, pointCode: "K7F3QM", now: 1e12 })),
  "bare HMAC-SHA-256",
  bareHmac,
);
row(
  "dossierKeyedHash",
  await rate(() => dossierKeyedHash(secret, "000.00.10.H35-260315-0001")),
  "bare HMAC-SHA-256",
  bareHmac,
);

const encode = await rate(() => qrMatrix(URL_OF_POINT, POINT_QR_LEVEL));
row("QR symbol (qrcode create, level Q)", encode, "same", encode);
row(
  "QR SVG document (encode + draw)",
  await rate(() => renderQrSvg(pointQr(URL_OF_POINT), URL_OF_POINT)),
  "QR symbol",
  encode,
);
for (const size of [512, 2048]) {
  const ours = await rate(() => renderQrPng(pointQr(URL_OF_POINT), size).png, 2000);
  const theirs = await rate(
    () => toBuffer(URL_OF_POINT, { errorCorrectionLevel: POINT_QR_LEVEL, width: size, margin: 4 }),
    2000,
  );
  row(`QR PNG ${size} px (encode + our 1-bit writer)`, ours, `qrcode's toBuffer (pngjs, Node only)`, theirs);
}
const poster = {
  code: "K7F3QM",
  unitName: "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn",
  label: "Quầy số 3",
  serviceName: "Đăng ký khai sinh",
  typedPrefix: "hailong.example.gov.vn/s/",
  url: URL_OF_POINT,
};
row(
  "A4 poster page (QR + Preact render to string)",
  await rate(() =>
    renderPosterPage({
      posters: [{ ...poster, qr: qrDrawing(pointQr(URL_OF_POINT)) }],
      format: "a4",
      nonce: "n",
      formatHref: (f) => f,
    }),
  ),
  "QR symbol",
  encode,
);

const ourPng = renderQrPng(matrix, 512).png.length;
const theirPng = (
  await toBuffer(URL_OF_POINT, { errorCorrectionLevel: POINT_QR_LEVEL, width: 512, margin: 4 })
).length;
const svgBytes = renderQrSvg(matrix, URL_OF_POINT).length;

console.log("## QR codes, posters and link tokens (in process)\n");
console.log(
  `Command: \`npx tsx bench/qr-render.ts\`. Point URL \`${URL_OF_POINT}\` (QR version ${(matrix.size - 17) / 4}, level ${POINT_QR_LEVEL}).\n`,
);
console.log("| Operation | Figure | Floor | Ratio |\n|---|---|---|---|");
console.log(rows.join("\n"));
console.log(
  `\nSizes: PNG 512 px ${fmt(ourPng)} bytes (qrcode's own: ${fmt(theirPng)} bytes, ${(ourPng / theirPng).toFixed(2)}×); SVG ${fmt(svgBytes)} bytes; link token 44 characters (60 with a dossier).`,
);
