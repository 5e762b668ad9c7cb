/**
 * readQuickPolygon reads COCO's usual polygon annotation from its bytes. Whatever it accepts must be exactly what
 * JSON.parse and the checks of the JSON path (keptPolygonOf) give; whatever else must be refused, so that the JSON
 * path reads it, with its warnings and errors.
 */
import { describe, expect, it } from "vitest";
import { keptPolygonOf, quickKeptBox } from "../../formats/coco/kept-polygon.js";
import { QuickPolygon, quickPolygonEnd, readQuickPolygon } from "../../formats/coco/quick-polygon.js";
import type { CategoryMapping } from "../../formats/coco/annotation.js";
import { seededRandom } from "../../bench/random.js";
import { fuzzRuns } from "../helpers/fuzz-scale.js";

const ANY: CategoryMapping = { id: 0, name: "", classTitle: "" };
const anyNumeric = (id: unknown) => (typeof id === "number" ? ANY : undefined);

/** What the JSON path keeps of `text`, or null (also when it is not JSON). */
function viaJson(text: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const p = keptPolygonOf(value, false, anyNumeric, false);
  if (!p) return null;
  return { id: p.id, imageId: p.imageId, categoryId: p.categoryId, iscrowd: p.iscrowd, area: p.area, parts: p.parts.map((x) => [...x]), bbox: p.bbox };
}

/** What readQuickPolygon reads from `text`, in the same shape, or null. */
function viaBytes(text: string, q = new QuickPolygon()) {
  const b = Buffer.from(`  ,${text}, `); // read inside a larger buffer, as the reader does
  if (!readQuickPolygon(b, 3, 3 + Buffer.byteLength(text), q)) return null;
  // The integers a VertexStore keeps, when given, are the numbers × 10000 exactly (what its own check would give).
  if (q.allInts) {
    for (let k = 0; k < q.count; k++) {
      const v = q.coords[k];
      expect(Object.is(q.ints[k] / 10000, v) && Math.round(v * 10000) === q.ints[k] && Math.abs(v) <= 214748, `${v} as ${q.ints[k]}`).toBe(true);
    }
  }
  const parts: number[][] = [];
  let o = 0;
  for (let k = 0; k < q.parts; k++) {
    parts.push([...q.coords.subarray(o, o + q.partLengths[k])]);
    o += q.partLengths[k];
  }
  const bbox = quickKeptBox(q);
  return {
    id: q.hasId ? q.id : null, imageId: q.imageId, categoryId: q.categoryId, iscrowd: q.iscrowd,
    area: q.hasArea ? q.area : undefined, parts, bbox: bbox && [...bbox],
  };
}

/** Equality that tells -0 from 0. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => same((a as any)[k], (b as any)[k]));
  }
  return a === b;
}

/**
 * What readQuickPolygon reads from `text` with only the parts' extremes wanted (boundsOnly): the numbers in each part
 * and its extremes, or null.
 */
function viaBounds(text: string) {
  const q = new QuickPolygon();
  q.boundsOnly = true;
  const b = Buffer.from(`  ,${text}, `);
  if (!readQuickPolygon(b, 3, 3 + Buffer.byteLength(text), q)) return null;
  return { lengths: [...q.partLengths.subarray(0, q.parts)], bounds: [...q.partBounds.subarray(0, 4 * q.parts)] };
}

/** Each part's length and extremes (left, top, right, bottom), from its numbers. */
function partBounds(parts: number[][]) {
  const bounds: number[] = [];
  for (const p of parts) {
    let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
    for (let i = 0; i < p.length; i += 2) {
      if (p[i] < l) l = p[i];
      if (p[i] > r) r = p[i];
      if (p[i + 1] < t) t = p[i + 1];
      if (p[i + 1] > b) b = p[i + 1];
    }
    bounds.push(l, t, r, b);
  }
  return { lengths: parts.map((p) => p.length), bounds };
}

/**
 * quickPolygonEnd on `text` cut after `cut` bytes (the limit of a scan's chunk; the rest of the text and then other
 * bytes are still in the buffer, as stale bytes after a chunk are): the end it finds with no limit when that lies
 * within the cut, else -1; and what it finds is an element readQuickPolygon accepts (what follows an element's
 * closing brace is the scan's business, as after endOfObject).
 */
function expectCutAgrees(text: string, cut: number) {
  const b = Buffer.from(`  ,${text}]}, {"id": 5}]`);
  const whole = quickPolygonEnd(b, 3, b.length, new QuickPolygon());
  if (whole >= 0) expect(viaBytes(b.toString("utf8", 3, whole)), text).not.toBeNull();
  const got = quickPolygonEnd(b, 3, 3 + cut, new QuickPolygon());
  expect(got, `cut at ${cut} of ${Buffer.byteLength(text)}: ${text}`).toBe(whole >= 0 && whole <= 3 + cut ? whole : -1);
}

/** Accepted by both and the same, or refused by the bytes reader (the JSON path then reads it). */
function expectAgrees(text: string, mustAccept: boolean | null = null, cuts: number[] = []) {
  const quick = viaBytes(text);
  const json = viaJson(text);
  if (quick) {
    expect(json, `accepted from bytes but not by the JSON path: ${text}`).not.toBeNull();
    expect(same(quick, json), `${text}\n${JSON.stringify(quick)}\n${JSON.stringify(json)}`).toBe(true);
  }
  if (mustAccept !== null) expect(quick !== null, `${mustAccept ? "refused" : "accepted"}: ${text}`).toBe(mustAccept);
  // Reading the extremes alone accepts the same annotations, and finds each part's extremes.
  const bounds = viaBounds(text);
  expect(bounds !== null, `boundsOnly ${quick ? "refused" : "accepted"}: ${text}`).toBe(quick !== null);
  if (bounds && quick) expect(same(bounds, partBounds(quick.parts)), `${text}\n${JSON.stringify(bounds)}`).toBe(true);
  // An element it accepts is found whole by quickPolygonEnd, its end where it is.
  if (quick) expect(quickPolygonEnd(Buffer.from(`  ,${text}, `), 3, Infinity, new QuickPolygon()), text).toBe(3 + Buffer.byteLength(text));
  for (const cut of cuts) expectCutAgrees(text, cut);
}

const usual = '{"segmentation": [[10.25, 20.5, 30.75, 20.5, 30.75, 40.125]], "area": 12.5, "iscrowd": 0, "image_id": 7, "bbox": [10.25, 20.5, 20.5, 19.625], "category_id": 3, "id": 99}';

describe("readQuickPolygon (and quickPolygonEnd, the scan's reading of an element whose end it does not know)", () => {
  it("reads COCO's usual annotations, in any key order and spacing, as the JSON path does", () => {
    const accepted = [
      usual,
      '{"id":1,"image_id":2,"category_id":3,"segmentation":[[1,2,3,4,5,6]]}',
      '{ "id" : 1 , "image_id" : 2 ,\n\t"category_id" : 3 , "segmentation" : [ [ 1 , 2 , 3 , 4 , 5 , 6 ] , [ 7 , 8 , 9 , 10 , 11 , 12 , 13 , 14 ] ] \r\n}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "bbox": [1, 2, 2, 2], "iscrowd": 1}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "bbox": [0, 0, 100, 100]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[-0, 0, -0.0, 2.25, 3, 3]], "area": -0, "iscrowd": -0}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1.00000000000000011, 2.50, 3e2, 4E-1, 5.0, 6e+0]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[0.1234567, 1.7654321, 5.5, 1.1, 3.3333333333333335, 9.87654321]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1e22, 1e-22, 123456789012345, 1234567890123456789, 0.000000000000000000000001, 5e-324]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[214748, 214748.0001, 214747.9999, -214748, 1.2345, 12.5]]}',
      '{"image_id": 2.5, "category_id": -3, "id": 1e3, "segmentation": [[214748.3647, 1, 214748, 2, -214748.0001, 3]], "area": 0}',
      '{"image_id": 2, "category_id": 3, "iscrowd": 1.0, "segmentation": [[473.07, 395.93, 511.72, 395.93, 511.72, 424.6]], "bbox": [473.07, 395.93, 38.650000000000034, 28.67]}',
    ];
    // Every cut of each, as the end of a scan's chunk may fall anywhere in an element.
    for (const text of accepted) expectAgrees(text, true, Array.from({ length: Buffer.byteLength(text) + 2 }, (_, k) => k));
  });

  it("refuses everything else (the JSON path reads it, and reports what it must)", () => {
    const refused = [
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "attributes": {"occluded": false}}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "id": 1, "id": 2}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "i\\u0064": 1}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "__proto__": 1}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "id": "abc"}',
      '{"image_id": "2", "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]]}',
      '{"image_id": 2, "category_id": null, "segmentation": [[1, 2, 3, 4, 5, 6]]}',
      '{"category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]]}',
      '{"image_id": 2, "segmentation": [[1, 2, 3, 4, 5, 6]]}',
      '{"image_id": 2, "category_id": 3}',
      '{"image_id": 2, "category_id": 3, "segmentation": []}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [1, 2, 3, 4, 5, 6]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3], [1, 1, 4, 1, 4, 4]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, NaN]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, null]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, "6"]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 1e400]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": {"counts": [0, 4, 2], "size": [2, 3]}}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "bbox": [1, 2, 3]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "bbox": [1, 2, -3, 4]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "bbox": [1, 2, 3, 4, 5]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "iscrowd": 2}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "iscrowd": true}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "area": "12"}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]], "keypoints": [1, 2, 2]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[01, 2, 3, 4, 5, 6]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1., 2, 3, 4, 5, 6]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[.5, 2, 3, 4, 5, 6]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[+1, 2, 3, 4, 5, 6]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1e, 2, 3, 4, 5, 6]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[-, 2, 3, 4, 5, 6]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6,]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]],}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]]',
      '{"image_id": 2 "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]]}',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1, 2, 3, 4, 5, 6]] }x',
      '{"image_id": 2, "category_id": 3, "segmentation": [[1,\u00a02, 3, 4, 5, 6]]}',
      '{}',
      '[1, 2]',
    ];
    for (const text of refused) expectAgrees(text, false, [Buffer.byteLength(text), Buffer.byteLength(text) - 1]);
  });

  it("numbers are the doubles JSON.parse gives, for decimals of any length and exponent", () => {
    const rng = seededRandom(7);
    const q = new QuickPolygon();
    for (let n = 0; n < fuzzRuns(20_000, 1000); n++) {
      const digits = (k: number) => Array.from({ length: k }, () => Math.floor(rng() * 10)).join("");
      const int = rng() < 0.2 ? "0" : String(1 + Math.floor(rng() * 9)) + digits(Math.floor(rng() * 20));
      const frac = rng() < 0.3 ? "" : `.${digits(1 + Math.floor(rng() * 20))}`;
      const exp = rng() < 0.7 ? "" : `${rng() < 0.5 ? "e" : "E"}${["", "+", "-"][Math.floor(rng() * 3)]}${Math.floor(rng() * 330)}`;
      const x = `${rng() < 0.3 ? "-" : ""}${int}${frac}${exp}`;
      const text = `{"image_id": 1, "category_id": 1, "segmentation": [[${x}, 0, 1, 1, 2, 2]]}`;
      const expected = JSON.parse(x) as number;
      const got = viaBytes(text, q);
      if (!Number.isFinite(expected)) expect(got, x).toBeNull();
      else expect(Object.is(got?.parts[0][0], expected), `${x}: ${got?.parts[0][0]} vs ${expected}`).toBe(true);
    }
  });

  it("a mutated annotation is either refused or read as the JSON path reads it", () => {
    const rng = seededRandom(11);
    const alphabet = '0123456789-+.eE,:[]{}" \n\tabNxu\\';
    for (let n = 0; n < fuzzRuns(20_000, 1000); n++) {
      const chars = [...usual];
      for (let m = 1 + Math.floor(rng() * 3); m > 0; m--) {
        const at = Math.floor(rng() * chars.length);
        const c = alphabet[Math.floor(rng() * alphabet.length)];
        const op = rng();
        if (op < 0.4) chars[at] = c;
        else if (op < 0.7) chars.splice(at, 1);
        else chars.splice(at, 0, c);
      }
      const text = chars.join("");
      const len = Buffer.byteLength(text);
      expectAgrees(text, null, [len, Math.floor(rng() * len), len + 1]);
    }
  });
});

describe("readQuickPolygon's integers", () => {
  it("are given exactly when every number has at most four decimals and fits, and never otherwise", () => {
    const q = new QuickPolygon();
    const read = (coords: string) => {
      const text = `{"image_id": 1, "category_id": 1, "segmentation": [[${coords}]]}`;
      expect(readQuickPolygon(Buffer.from(text), 0, text.length, q)).toBe(true);
      return q.allInts ? [...q.ints.subarray(0, q.count)] : null;
    };
    expect(read("1, 2.5, 3.25, 4.125, 5.0625, 214748")).toEqual([10000, 25000, 32500, 41250, 50625, 2147480000]);
    expect(read("-1, -2.5, 3, 4, 5, -214748")).toEqual([-10000, -25000, 30000, 40000, 50000, -2147480000]);
    for (const odd of ["1.00001", "214748.0001", "-214748.0001", "0.5", "-0", "1e2", "123456789012345", "1.50000"]) {
      expect(read(`${odd}, 2, 3, 4, 5, 6`), odd).toBeNull();
    }
  });
});
