import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fmt6, LabelFileBytes, parseLabelText, YoloLineError } from "../../formats/yolo/lines.js";
import { cornersToOrientedBox, orientedBoxToCorners, signedArea2 } from "../../formats/yolo/obb.js";
import type { Vec2 } from "../../src/model/index.js";

const opts = { classCount: 3, obb: false };

function errorOf(f: () => unknown): YoloLineError {
  try {
    f();
  } catch (e) {
    return e as YoloLineError;
  }
  throw new Error("no error thrown");
}

describe("YOLO label lines", () => {
  it("reads boxes and polygons, CRLF, a BOM, blank lines and extra spaces", () => {
    const recs = parseLabelText("\ufeff0 0.5 0.5 0.2 0.4\r\n\r\n  2   0.1 0.1 0.4 0.1 0.25 0.6  \r\n", "a.txt", opts);
    expect(recs).toEqual([
      { kind: "box", cls: 0, line: 1, xc: 0.5, yc: 0.5, w: 0.2, h: 0.4 },
      { kind: "polygon", cls: 2, line: 3, coords: [0.1, 0.1, 0.4, 0.1, 0.25, 0.6] },
    ]);
  });

  it("reads 8 coordinates as a 4-point polygon, or as an OBB when asked", () => {
    const text = "1 0.1 0.1 0.2 0.1 0.2 0.2 0.1 0.2\n";
    expect(parseLabelText(text, "a.txt", opts)[0].kind).toBe("polygon");
    expect(parseLabelText(text, "a.txt", { ...opts, obb: true })[0].kind).toBe("obb");
  });

  it("reads pose lines by kpt_shape and accepts class ids written as floats", () => {
    const [r] = parseLabelText("1.0 0.5 0.5 0.2 0.2 0.1 0.2 2 0 0 0\n", "p.txt", { ...opts, keypoints: { count: 2, dims: 3 } });
    expect(r).toEqual({ kind: "pose", cls: 1, line: 1, xc: 0.5, yc: 0.5, w: 0.2, h: 0.2, keypoints: [0.1, 0.2, 2, 0, 0, 0] });
  });

  it("stops at a class id outside names, with file and line", () => {
    const e = errorOf(() => parseLabelText("0 0.5 0.5 0.1 0.1\n3 0.5 0.5 0.1 0.1\n", "labels/x.txt", opts));
    expect(e).toBeInstanceOf(YoloLineError);
    expect(e.describe()).toBe("labels/x.txt:2: class id 3 is not in names (0..2)");
  });

  it("stops at a wrong number of values, naming what was expected", () => {
    expect(errorOf(() => parseLabelText("0 0.5 0.5 0.1\n", "x.txt", opts)).describe())
      .toBe("x.txt:1: expected 5 (a box) or an odd number ≥ 7 (a polygon of 3 or more points) values, found 4");
    expect(errorOf(() => parseLabelText("0 0.1 0.1 0.2 0.2 0.3\n", "x.txt", opts)).describe()).toMatch(/^x\.txt:1: expected .* found 6$/);
    expect(errorOf(() => parseLabelText("0 0.5 0.5 0.2 0.2 0.1 0.2 2\n", "p.txt", { ...opts, keypoints: { count: 2, dims: 3 } })).describe())
      .toBe("p.txt:1: expected 5 + 2×3 = 11 (kpt_shape [2, 3]) values, found 8");
  });

  it("stops at values that are not numbers (hex, Infinity, NaN, text)", () => {
    for (const bad of ["0x1", "Infinity", "NaN", "abc", "1,5"]) {
      expect(errorOf(() => parseLabelText(`0 0.5 ${bad} 0.1 0.1\n`, "x.txt", opts)).describe()).toBe(`x.txt:1: value 3 (${JSON.stringify(bad)}) is not a number`);
    }
    expect(errorOf(() => parseLabelText("cat 0.5 0.5 0.1 0.1\n", "x.txt", opts)).describe()).toBe('x.txt:1: class id "cat" is not a number');
    expect(errorOf(() => parseLabelText("-1 0.5 0.5 0.1 0.1\n", "x.txt", opts)).describe()).toBe("x.txt:1: class id -1 is not a non-negative integer");
  });

  it("writes six decimals without a negative zero", () => {
    expect(fmt6(0.1234564)).toBe("0.123456");
    expect(fmt6(-1e-9)).toBe("0.000000");
    expect(fmt6(1)).toBe("1.000000");
  });

  it("writes a label file's bytes as the fmt6 lines joined", () => {
    const asText = (values: number[]) => `7 ${values.map(fmt6).join(" ")}\n`;
    const bytesOf = (values: number[]) => {
      const out = new LabelFileBytes();
      out.numbers(7, values[0], values[1], values[2], values[3]);
      return out.view().toString("latin1");
    };
    // Halves of the sixth decimal (toFixed rounds them by the double's exact value), negative zero and numbers that
    // round to it, large and non-finite numbers, and values whose product by 10⁶ lands next to a half.
    const edges = [
      0, -0, 5e-7, -5e-7, 1.5e-6, 2.5e-6, 0.1234565, 0.9999995, 0.99999949999, -1e-9, -4.9e-7, 1, -1, 5e-324,
      123456789.1234565, 999999999.9999995, 1e9, 12345678901.5, 1e21, 1e22, NaN, Infinity, -Infinity, 640 / 641, 1 / 3, 2 / 3,
    ];
    for (let i = 0; i < edges.length; i += 4) {
      const four = [edges[i], edges[i + 1] ?? 0, edges[i + 2] ?? 0, edges[i + 3] ?? 0];
      expect(bytesOf(four)).toBe(asText(four));
    }
    for (let k = 0; k < 4000; k++) {
      const four = [(k + 0.5) / 1e6, (k * 7 + 3) / 640 / 481, -(k + 0.5) / 1e6, (k * 13) / 427 / 333];
      expect(bytesOf(four)).toBe(asText(four));
    }
    fc.assert(fc.property(fc.array(fc.double(), { minLength: 4, maxLength: 4 }), (four) => bytesOf(four) === asText(four)));
    const out = new LabelFileBytes();
    out.text("3 0.1 0.2 0.3 0.4 0.5 0.6");
    out.box(2, { left: 10, top: 20, right: 110, bottom: 70 }, 640, 480);
    expect(out.view().toString()).toBe("3 0.1 0.2 0.3 0.4 0.5 0.6\n2 0.093750 0.093750 0.156250 0.104167\n");
  });
});

describe("OBB corners ↔ oriented_bbox", () => {
  // A 100 × 50 box turned by atan2(3, 4) about (500, 250): corners land on whole pixels (a 3-4-5 triangle).
  const cw: Vec2[] = [[475, 200], [555, 260], [525, 300], [445, 240]];

  it("fits centre, size and angle of a clockwise listing and gives the corners back in that order", () => {
    const fit = cornersToOrientedBox(cw, 1000, 500)!;
    expect(fit.order).toBe("cw");
    expect(fit.box.left).toBeCloseTo(450, 9);
    expect(fit.box.right).toBeCloseTo(550, 9);
    expect(fit.box.top).toBeCloseTo(225, 9);
    expect(fit.box.bottom).toBeCloseTo(275, 9);
    expect(fit.box.angle).toBeCloseTo(Math.atan2(3, 4), 12);
    orientedBoxToCorners(fit.box, "cw").forEach((c, i) => {
      expect(c[0]).toBeCloseTo(cw[i][0], 9);
      expect(c[1]).toBeCloseTo(cw[i][1], 9);
    });
  });

  it("keeps a counter-clockwise listing (Ultralytics' xywhr → corners) in its own order", () => {
    const ccw: Vec2[] = [cw[0], cw[3], cw[2], cw[1]];
    const fit = cornersToOrientedBox(ccw, 1000, 500)!;
    expect(fit.order).toBe("ccw");
    orientedBoxToCorners(fit.box, "ccw").forEach((c, i) => {
      expect(c[0]).toBeCloseTo(ccw[i][0], 9);
      expect(c[1]).toBeCloseTo(ccw[i][1], 9);
    });
  });

  it("refuses four corners that are not a rectangle, and a degenerate quad", () => {
    expect(cornersToOrientedBox([[600, 300], [700, 300], [750, 400], [600, 400]], 1000, 500)).toBeNull();
    expect(cornersToOrientedBox([[0, 0], [1, 1], [2, 2], [3, 3]], 1000, 500)).toBeNull();
  });

  it("round-trips any rotated rectangle from any starting corner, both directions (property)", () => {
    fc.assert(fc.property(
      fc.double({ min: 50, max: 950, noNaN: true }), fc.double({ min: 50, max: 450, noNaN: true }),
      fc.double({ min: 1, max: 300, noNaN: true }), fc.double({ min: 1, max: 300, noNaN: true }),
      fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), fc.integer({ min: 0, max: 3 }), fc.boolean(),
      (cx, cy, w, h, angle, start, reverse) => {
        const box = { type: "oriented_bbox" as const, left: cx - w / 2, right: cx + w / 2, top: cy - h / 2, bottom: cy + h / 2, angle };
        let corners = orientedBoxToCorners(box, "cw");
        corners = [...corners.slice(start), ...corners.slice(0, start)];
        if (reverse) corners = [corners[0], corners[3], corners[2], corners[1]];
        const fit = cornersToOrientedBox(corners, 1000, 500);
        expect(fit).not.toBeNull();
        expect(fit!.order).toBe(reverse ? "ccw" : "cw");
        expect(Math.sign(signedArea2(corners))).toBe(reverse ? -1 : 1);
        orientedBoxToCorners(fit!.box, fit!.order).forEach((c, i) => {
          expect(Math.abs(c[0] - corners[i][0])).toBeLessThan(1e-7);
          expect(Math.abs(c[1] - corners[i][1])).toBeLessThan(1e-7);
        });
      }), { numRuns: 300 });
  });
});
