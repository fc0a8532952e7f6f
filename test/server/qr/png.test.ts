import { describe, expect, it } from "vitest";
import { encodeBilevelPng } from "../../../server/qr/png.js";
import { readPng } from "./decode-png.js";

/** Packs a row of booleans (true = dark) the way encodeBilevelPng expects: 1 = white, MSB first. */
function pack(dark: boolean[]): Uint8Array {
  const line = new Uint8Array(Math.ceil(dark.length / 8)).fill(0xff);
  dark.forEach((isDark, x) => {
    if (isDark) line[x >> 3]! &= ~(0x80 >> (x & 7));
  });
  return line;
}

describe("encodeBilevelPng", () => {
  it("writes a PNG that a strict reader decodes pixel for pixel", () => {
    // 11 wide: the last byte of each row is partly padding.
    const width = 11;
    const height = 5;
    const dark = (x: number, y: number) => (x + y) % 3 === 0;
    const rows = Array.from({ length: height }, (_, y) =>
      pack(Array.from({ length: width }, (_, x) => dark(x, y))),
    );
    const png = encodeBilevelPng({ width, height, row: (y) => rows[y]! });
    const image = readPng(png);
    expect([image.width, image.height]).toEqual([width, height]);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const offset = (y * width + x) * 4;
        const expected = dark(x, y) ? 0 : 255;
        expect([...image.rgba.subarray(offset, offset + 4)], `pixel ${x},${y}`).toEqual([
          expected,
          expected,
          expected,
          255,
        ]);
      }
    }
  });

  it("starts with the PNG signature and ends with IEND", () => {
    const png = encodeBilevelPng({ width: 8, height: 1, row: () => new Uint8Array([0xff]) });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(new TextDecoder().decode(png.subarray(-8, -4))).toBe("IEND");
  });
});
