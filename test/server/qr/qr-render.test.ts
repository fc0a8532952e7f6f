import { describe, expect, it } from "vitest";
import { QUIET_ZONE, qrExtent, qrMatrix, qrPathData } from "../../../server/qr/qr-matrix.js";
import { renderQrPng } from "../../../server/qr/qr-png.js";
import { renderQrSvg } from "../../../server/qr/qr-svg.js";
import { decodeQrPng, readPng } from "./decode-png.js";

const url = "https://hailong.example.gov.vn/s/K7F3QM";
const longUrl = `https://hailong.example.gov.vn/s/K7F3QM?t=${"AbC-_9".repeat(10)}`;

/** Redraws the modules an SVG path describes, to compare them with the matrix they came from. */
function modulesOfPath(d: string, size: number): Uint8Array {
  const modules = new Uint8Array(size * size);
  for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(run); i++) {
      modules[(Number(y) - QUIET_ZONE) * size + Number(x) - QUIET_ZONE + i] = 1;
    }
  }
  return modules;
}

describe("qrMatrix", () => {
  it("uses the requested error correction level, with more modules for a higher one", () => {
    expect(qrMatrix(url, "M").size).toBeLessThan(qrMatrix(url, "H").size);
  });
});

describe("renderQrSvg", () => {
  it("draws exactly the dark modules of the symbol, inside a light quiet zone of 4 modules", () => {
    for (const text of [url, longUrl]) {
      const matrix = qrMatrix(text, "Q");
      expect(modulesOfPath(qrPathData(matrix), matrix.size)).toEqual(matrix.modules);
      const svg = renderQrSvg(matrix, text);
      const n = qrExtent(matrix);
      expect(n).toBe(matrix.size + 8);
      expect(svg).toContain(`viewBox="0 0 ${n} ${n}"`);
      expect(svg).toContain(`<rect width="${n}" height="${n}" fill="#fff"/>`);
    }
  });

  it("escapes the title", () => {
    const svg = renderQrSvg(qrMatrix("a", "M"), `x"><script>&`);
    expect(svg).toContain("<title>x&quot;&gt;&lt;script&gt;&amp;</title>");
  });
});

describe("renderQrPng", () => {
  it("decodes to exactly the URL at every level and size, from a thumbnail to a print", () => {
    for (const text of [url, longUrl]) {
      for (const level of ["M", "Q", "H"] as const) {
        for (const size of [64, 97, 300]) {
          expect(decodeQrPng(renderQrPng(qrMatrix(text, level), size).png), `${level} ${size}`).toBe(text);
        }
      }
    }
    expect(decodeQrPng(renderQrPng(qrMatrix(url, "Q"), 2048).png)).toBe(url);
  });

  it("is exactly the requested size when the symbol fits at one pixel per module or more", () => {
    const matrix = qrMatrix(url, "Q");
    for (const size of [qrExtent(matrix), 100, 333, 2048]) {
      const { png, side } = renderQrPng(matrix, size);
      const image = readPng(png);
      expect([side, image.width, image.height]).toEqual([size, size, size]);
    }
  });

  it("grows to the smallest image that holds the symbol when asked for less", () => {
    const matrix = qrMatrix(longUrl, "H");
    const { png, side } = renderQrPng(matrix, 20);
    expect(side).toBe(qrExtent(matrix));
    expect(decodeQrPng(png)).toBe(longUrl);
  });

  it("keeps at least four light modules around the symbol, and whole pixels per module", () => {
    const matrix = qrMatrix(url, "Q");
    const size = 500;
    const { png } = renderQrPng(matrix, size);
    const { rgba, width } = readPng(png);
    const scale = Math.floor(size / qrExtent(matrix));
    const dark = (x: number, y: number) => rgba[(y * width + x) * 4] === 0;
    let minX = size;
    let maxX = 0;
    let minY = size;
    let maxY = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if (!dark(x, y)) continue;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
    expect(maxX - minX + 1).toBe(matrix.size * scale);
    expect(maxY - minY + 1).toBe(matrix.size * scale);
    for (const margin of [minX, minY, size - 1 - maxX, size - 1 - maxY]) {
      expect(margin).toBeGreaterThanOrEqual(QUIET_ZONE * scale);
    }
    // The finder pattern's top-left module is a solid square of scale × scale pixels.
    for (let y = minY; y < minY + scale; y++) {
      for (let x = minX; x < minX + scale; x++) expect(dark(x, y)).toBe(true);
    }
  });
});
