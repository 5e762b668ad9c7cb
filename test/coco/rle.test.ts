import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CocoRleError, decodeRleCounts, encodeRleCounts, rleArea, rleBounds, rleFromJson, rleFromMask, rleFromPlacedMask,
  rleToCroppedMask, rleToJson, rleToMask, rleUnion,
} from "../../src/codecs/coco-rle.js";
import type { BinaryMask } from "../../src/codecs/mask.js";

/** Row-major mask from rows of "0"/"1" characters. */
function maskOf(rows: string[]): BinaryMask {
  const height = rows.length, width = rows[0].length;
  const data = new Uint8Array(width * height);
  rows.forEach((r, y) => [...r].forEach((c, x) => (data[y * width + x] = c === "1" ? 1 : 0)));
  return { width, height, data };
}
const rowsOf = (m: BinaryMask): string[] =>
  Array.from({ length: m.height }, (_, y) => [...m.data.subarray(y * m.width, (y + 1) * m.width)].join(""));

describe("COCO RLE compressed counts (hand-worked goldens)", () => {
  // Each count is cut into 5-bit groups, lowest first; char = 48 + group (| 0x20 when more follow). From the fourth
  // count on, the count minus the count two places before is written. Worked by hand:
  it("small counts are one character each: 48 + n", () => {
    expect(encodeRleCounts([0, 4])).toBe("04"); // '0' = 48, '4' = 52
    expect(encodeRleCounts([13])).toBe("="); // 48 + 13 = 61
  });
  it("counts from the fourth are deltas; -1 is 'O' (31 with the sign bit 0x10)", () => {
    // [3, 2, 5, 1]: 3, 2, 5, then 1 - 2 = -1 → low 5 bits of -1 = 31, rest is sign → 48 + 31 = 'O'.
    expect(encodeRleCounts([3, 2, 5, 1])).toBe("325O");
    expect(decodeRleCounts("325O")).toEqual([3, 2, 5, 1]);
  });
  it("16 needs two groups (bit 0x10 would read as a sign): '`0'", () => {
    // 16 → group 16 with more = 16|32 = 48 → char 96 '`'; then group 0 → '0'.
    expect(encodeRleCounts([16])).toBe("`0");
    expect(decodeRleCounts("`0")).toEqual([16]);
  });
  it("100 = 4 + 3·32 → 'T3'", () => {
    // group 4 with more → 48 + 36 = 84 'T'; group 3 → '3'.
    expect(encodeRleCounts([100])).toBe("T3");
    expect(decodeRleCounts("T3")).toEqual([100]);
  });
  it("the fixture mask of fixtures/coco/full: counts [13,2,4,2,13,1,13] → '=2409O0'", () => {
    // deltas from the fourth: 2-2=0 '0', 13-4=9 '9', 1-2=-1 'O', 13-13=0 '0'.
    expect(encodeRleCounts([13, 2, 4, 2, 13, 1, 13])).toBe("=2409O0");
    const rle = rleFromJson({ size: [6, 8], counts: "=2409O0" });
    // Column-major: pixel (x, y) is index x·6 + y; ones at 13,14 (x=2), 19,20 (x=3), 34 (x=5, y=4).
    expect(rowsOf(rleToMask(rle))).toEqual([
      "00000000",
      "00110000",
      "00110000",
      "00000000",
      "00000100",
      "00000000",
    ]);
  });
});

describe("COCO RLE against strings written by pycocotools (published in issue threads)", () => {
  // Real encoder output: decoding must cover exactly height × width pixels, and re-encoding must give the same
  // string byte for byte (the encoding is canonical).
  const real: [string, [number, number], number][] = [
    // cocodataset/cocoapi#550
    ["ZbQ:1ma06J3N2N1O2M4K6K3N1N3M3J7K4M2N3M2M5K7J3N1O2N2L4N2M3N1O2L4M3M3N2M2M5K4M4L3N1N4K4K5N2O10O0100O1O10O0110O000O100101OO0O0100O11O00O010O1010OO100O1013L000O01004MOO10O010020O0OO010010O000O10O1100O1OO100O2N2N010O001O2O0O001O2O1N2N001O1O1O1O1O001N2O1N3N0O2O1N3K5J5L3N3L4H8E;L4M2O2L4K5K5N2M2O3L4K4M3N2N2M4K5K4M5Khl?", [576, 752], 305],
    // cocodataset/cocoapi#492
    ["ea_d21__11O0001O00000001O01O00a^40_aK000[k]30eTbL010O0000001O000000000010O00000001O01O00000001O01O0000010O00000001O000001O0001O0000010O0000000000010O0000000000010O0000000010O000000000010O00000001O01OO10001O000000P]jP1", [1520, 2704], 197],
  ];
  it.each(real)("decodes to h×w pixels and re-encodes identically (%#)", (s, size, runs) => {
    const rle = rleFromJson({ size, counts: s });
    expect(rle.counts.length).toBe(runs);
    expect(rle.counts.reduce((a, b) => a + b, 0)).toBe(size[0] * size[1]);
    expect(encodeRleCounts(rle.counts)).toBe(s);
    expect(rleToJson(rle)).toEqual({ size, counts: s });
    const b = rleBounds(rle)!;
    expect(b.right).toBeLessThan(size[1]);
    expect(b.bottom).toBeLessThan(size[0]);
    // The cropped mask and the full mask agree pixel for pixel.
    const full = rleToMask(rle), crop = rleToCroppedMask(rle)!;
    let ones = 0, mismatches = 0;
    for (let y = 0; y < crop.mask.height; y++) {
      for (let x = 0; x < crop.mask.width; x++) {
        const v = crop.mask.data[y * crop.mask.width + x];
        if (v !== full.data[(y + crop.y) * full.width + x + crop.x]) mismatches++;
        ones += v;
      }
    }
    expect(mismatches).toBe(0);
    expect(ones).toBe(rleArea(rle));
    expect(full.data.reduce((a, b) => a + b, 0)).toBe(ones);
  });
});

describe("COCO RLE ↔ masks", () => {
  it("uncompressed counts, column-major, starting with zeros", () => {
    const m = maskOf(["110", "010"]);
    // columns: x=0 → [1,0], x=1 → [1,1], x=2 → [0,0] → runs 0 zeros, 1 one, 1 zero, 2 ones, 2 zeros
    expect(rleFromMask(m).counts).toEqual([0, 1, 1, 2, 2]);
    expect(rowsOf(rleToMask({ height: 2, width: 3, counts: [0, 1, 1, 2, 2] }))).toEqual(["110", "010"]);
  });
  it("an empty mask is one run of zeros; a full one starts with an empty zero run", () => {
    expect(rleFromMask(maskOf(["00", "00"])).counts).toEqual([4]);
    expect(rleFromMask(maskOf(["11", "11"])).counts).toEqual([0, 4]);
    expect(rleToCroppedMask({ height: 2, width: 2, counts: [4] })).toBeNull();
  });
  it("a mask placed in a larger image, with pixels outside clipped and counted", () => {
    const m = maskOf(["11", "11"]);
    const r = rleFromPlacedMask(m, 2, 1, 4, 3); // columns 2,3 rows 1,2 of a 4×3 image
    expect(r.clipped).toBe(0);
    expect(rowsOf(rleToMask(r))).toEqual(["0000", "0011", "0011"]);
    const c = rleFromPlacedMask(m, 3, -1, 4, 3); // only (3, 0) is inside
    expect(c.clipped).toBe(3);
    expect(rowsOf(rleToMask(c))).toEqual(["0001", "0000", "0000"]);
    expect(rleFromPlacedMask(m, 9, 9, 4, 3)).toMatchObject({ counts: [12], clipped: 4 });
  });
  it("union of two RLEs", () => {
    const a = rleFromMask(maskOf(["10", "00"])), b = rleFromMask(maskOf(["00", "01"]));
    expect(rowsOf(rleToMask(rleUnion([a, b])))).toEqual(["10", "01"]);
  });
  it("property: mask → counts → string → counts → mask is the identity", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      (w, h, density) => {
        const data = new Uint8Array(w * h);
        let seed = Math.floor(density * 1e9);
        for (let i = 0; i < data.length; i++) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          data[i] = seed / 2147483648 < density ? 1 : 0;
        }
        const mask = { width: w, height: h, data };
        const rle = rleFromMask(mask);
        const s = encodeRleCounts(rle.counts);
        const back = rleFromJson({ size: [h, w], counts: s });
        expect(back.counts).toEqual(rle.counts);
        expect([...rleToMask(back).data]).toEqual([...data]);
      },
    ), { numRuns: 200 });
  });
  it("property: any counts (large, and with big negative deltas) survive the string form", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 30 }), (counts) => {
      expect(decodeRleCounts(encodeRleCounts(counts))).toEqual(counts);
    }), { numRuns: 300 });
  });
});

describe("COCO RLE errors", () => {
  it("rejects counts that do not cover the size", () => {
    expect(() => rleFromJson({ size: [2, 2], counts: [1, 2] })).toThrow(/cover 3 pixels, but size 2×2 has 4/);
  });
  it("rejects a string that ends inside a number, or holds characters outside 48..111", () => {
    expect(() => decodeRleCounts("T")).toThrow(CocoRleError); // 'T' says "more groups follow"
    expect(() => decodeRleCounts("0 4")).toThrow(/invalid character/);
  });
  it("rejects malformed objects", () => {
    expect(() => rleFromJson({ counts: "0" })).toThrow(/size/);
    expect(() => rleFromJson({ size: [1, 1], counts: [0.5, 0.5] })).toThrow(/non-negative whole/);
    expect(() => rleFromJson({ size: [1, 1], counts: {} })).toThrow(/string or a list/);
    expect(() => rleFromJson([1])).toThrow(/object/);
  });
  it("rejects a string whose deltas make a negative run", () => {
    // [5, 1, 1] then delta -9 → 1 - 9 = -8
    const s = encodeRleCounts([5, 1, 1, 1]).slice(0, 3) + String.fromCharCode(48 + ((-9 + 32) | 0x10));
    expect(() => rleFromJson({ size: [1, 8], counts: s })).toThrow(CocoRleError);
  });
});
