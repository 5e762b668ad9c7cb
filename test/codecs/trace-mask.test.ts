import { describe, expect, it } from "vitest";
import { traceMask } from "../../src/geometry/trace-mask.js";
import { ringArea } from "../../src/geometry/bounds.js";
import type { BinaryMask } from "../../src/codecs/mask.js";

function maskOf(rows: string[]): BinaryMask {
  const height = rows.length, width = rows[0].length;
  const data = new Uint8Array(width * height);
  rows.forEach((r, y) => [...r].forEach((c, x) => (data[y * width + x] = c === "1" ? 1 : 0)));
  return { width, height, data };
}

describe("mask tracing for --polygons", () => {
  it("one pixel is the unit square on its corners", () => {
    expect(traceMask(maskOf(["000", "010", "000"]))).toEqual({ rings: [[[1, 1], [2, 1], [2, 2], [1, 2]]], holes: 0 });
  });
  it("an L shape: six corners, area = pixel count", () => {
    const t = traceMask(maskOf(["10", "11"]));
    expect(t.rings).toEqual([[[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [0, 2]]]);
    expect(ringArea(t.rings[0])).toBe(3);
  });
  it("diagonal neighbours are separate groups (4-connectivity)", () => {
    const t = traceMask(maskOf(["10", "01"]));
    expect(t.rings).toEqual([[[0, 0], [1, 0], [1, 1], [0, 1]], [[1, 1], [2, 1], [2, 2], [1, 2]]]);
  });
  it("a ring of pixels: the outline only, one hole counted", () => {
    const t = traceMask(maskOf(["111", "101", "111"]));
    expect(t.rings).toEqual([[[0, 0], [3, 0], [3, 3], [0, 3]]]);
    expect(t.holes).toBe(1);
  });
  it("a concave shape's outline covers its pixels plus its enclosed hole", () => {
    const rows = ["0111100", "0100100", "1100111", "1111111"];
    const t = traceMask(maskOf(rows));
    expect(t.rings.length).toBe(1);
    // 18 pixels set; the 2×2 background block at x 2..3, y 1..2 is enclosed (a hole of 4 pixels).
    expect(ringArea(t.rings[0])).toBe(18 + 4);
    expect(t.holes).toBe(1);
  });
  it("a concave shape without holes: area = pixel count", () => {
    const rows = ["1100011", "1100011", "1111111"];
    const t = traceMask(maskOf(rows));
    expect(t.rings.length).toBe(1);
    expect(ringArea(t.rings[0])).toBe(15);
    expect(t.holes).toBe(0);
  });
});
