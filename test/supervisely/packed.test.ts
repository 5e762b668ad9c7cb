/**
 * The packed annotation path (formats/supervisely/packed.ts, used by the reading thread): for any file it gives
 * exactly what JSON.parse + annotationFromJson give, the same annotation or the same error, or it gives up.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { Packer, PackedPoints } from "../../formats/supervisely/packed.js";
import { annotationFromPacked } from "../../formats/supervisely/packed-reader.js";
import { annotationFromJson, metaFromJson } from "../../formats/supervisely/json-model.js";
import type { ProjectMeta } from "../../src/model/index.js";
import { FIXTURES, annotationFiles } from "../helpers/paths.js";
import { fuzzRuns } from "../helpers/fuzz-scale.js";

function plain(text: string, meta?: ProjectMeta): unknown {
  try {
    return { ok: annotationFromJson(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), meta, "f.json") };
  } catch (e) {
    return { error: (e as Error).message, ...(e as object) };
  }
}

/** What the packed path gives: "gave up", or the annotation / error. */
function packed(bytes: Buffer, meta?: ProjectMeta): unknown {
  const packer = new Packer();
  packer.pack(Buffer.from('{"warm": [[1, 2]]}')); // lists numbered on from earlier files
  const first = packer.nl;
  const skeleton = packer.packOne(bytes);
  if (skeleton === null) return "gave up";
  const count = packer.nl - first;
  const lists = packer.take();
  try {
    const a = annotationFromPacked({ skeleton, points: new PackedPoints(lists, first, count) }, meta, "f.json");
    return a === null ? "gave up" : { ok: a };
  } catch (e) {
    return { error: (e as Error).message, ...(e as object) };
  }
}

function same(text: string | Buffer, meta?: ProjectMeta): "packed" | "gave up" {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  const p = packed(bytes, meta);
  if (p === "gave up") return p;
  expect(p).toEqual(plain(bytes.toString("utf8"), meta));
  // toEqual does not tell -0 from 0
  expect(JSON.stringify(p, (_k, v) => (Object.is(v, -0) ? "-0" : v))).toBe(JSON.stringify(plain(bytes.toString("utf8"), meta), (_k, v) => (Object.is(v, -0) ? "-0" : v)));
  return "packed";
}

const poly = (pts: string) => `{"size": {"height": 10, "width": 10}, "tags": [], "objects": [{"classTitle": "a", "tags": [], "geometryType": "polygon", "points": {"exterior": ${pts}, "interior": []}}]}`;

describe("packed annotation files", () => {
  it("give what JSON.parse + annotationFromJson give for every fixture annotation file", () => {
    const files = annotationFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(30);
    let n = 0;
    for (const f of files) {
      const metaFile = path.join(f, "../../../meta.json");
      let meta: ProjectMeta | undefined;
      try {
        meta = metaFromJson(JSON.parse(fs.readFileSync(metaFile, "utf8")));
      } catch {
        meta = undefined;
      }
      if (same(fs.readFileSync(f), meta) === "packed") n++;
    }
    expect(n).toBeGreaterThan(files.length / 2);
  });

  it("read numbers exactly as JSON.parse does", () => {
    const texts = ["0", "-0", "-0.0", "0.1", "0.30000000000000004", "1e5", "1E-7", "-2.5e+3", "123456789012345678", "1e400", "-1e-400",
      "0.000000000000000000000001", "9007199254740993", "1.7976931348623157e308", "5e-324", "123456.789012345", "1234567890.12345678",
      "100000000000000000000000", "0.1234567890123456789", "999999999999999.9"];
    for (const t of texts) {
      const r = same(poly(`[[${t}, 1], [2, ${t}], [3, 3]]`));
      if (!Number.isFinite(Number(t))) continue; // out of range: reported, compared above
      expect(r).toBe("packed");
    }
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 6 }), (v, d) => {
      for (const t of [String(v), v.toFixed(d), v.toExponential(d), v.toPrecision(d + 1)]) same(poly(`[[${t}, ${t}], [1.5, 2], [3, 4]]`));
    }), { numRuns: fuzzRuns(2000, 100) });
  });

  it("handle lists where no points are read, duplicate keys, odd keys and odd text as JSON.parse does", () => {
    const cases = [
      // a list of pairs in extra, in customBigData, in an unknown geometry, in cuboid faces
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "polygon", "points": {"exterior": [[1, 2], [3, 4], [5, 6]]}, "mine": [[1, 2], [3, 4]]}], "customBigData": {"x": [[1, 1]]}}`,
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "blob", "points": {"exterior": [[1, 2], [3, 4]]}}]}`,
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "cuboid", "points": [[1, 2], [3, 4]], "faces": [[0, 1], [1, 0]]}]}`,
      // duplicate keys: the last wins
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "polygon", "points": {"exterior": [[9, 9], [8, 8], [7, 7]], "exterior": [[1, 2], [3, 4], [5, 6]]}}]}`,
      `{"size": {"height": 1, "width": 1}, "__proto__": {"a": [[1, 2]]}, "objects": []}`,
      // errors: bad points, out of range, wrong types where a list of pairs is packed
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "polygon", "points": {"exterior": [[1, 2], [3], [5, 6]]}}]}`,
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "polygon", "points": {"exterior": [[1, 2], [3, 1e999], [5, 6]]}}]}`,
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "bitmap", "bitmap": {"origin": [[1, 2], [3, 4]], "data": "x"}}]}`,
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "rectangle", "points": {"exterior": [[1, 2], [3, 4], [5, 6]]}}]}`,
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "polygon", "points": [[1, 2], [3, 4]]}]}`,
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "multipolygon", "parts": [[1, 2], [3, 4]]}]}`,
      `{"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "é ü", "description": "\\u00e9\\n\\"", "geometryType": "line", "points": {"exterior": [[1, 2], [3, 4]]}}]}`,
      `{"annotation": {"size": {"height": 1, "width": 1}, "objects": [{"classTitle": "a", "geometryType": "point", "points": {"exterior": [[1, 2]], "interior": []}}]}}`,
      `\ufeff${poly("[[1, 2], [3, 4], [5, 6]]")}`,
      poly("[ [ 1 , 2 ] , [ 3 , 4 ] , [ 5 , 6 ] ]"),
      poly("[\r\n\t[ 1 ,\t2 ] ,\n     [3,      4],[5,6]   \n\n       ]"),
      `${" ".repeat(9)}\n\t\r${poly("[[1, 2], [3, 4], [5, 6]]")}  \r\n ${" ".repeat(13)}`,
      poly("[[1, 2], [3, 4], [5, 6], [7, 8, 9]]"),
      poly("[[1, 2], [3, 4], [5, 6], [true, 8]]"),
      poly("[[1, 2], [3, 4], [5, 6], 7]"),
      poly('[[1, 2], [3, 4], [5, 6], "7"]'),
      poly("[[1, 2], [3, 4], [5, 6], []]"),
      poly("[[1, 2], [3, 4], [], [5, 6]]"),
    ];
    for (const c of cases) expect(same(c)).toBe("packed");
  });

  it("give up on what they do not take on, and on malformed JSON", () => {
    const cases = [
      poly("[[1, 2], [3, 4], [5, 6],]"), poly("[[1, 2], [3, 4], [5, 6]"), poly("[[01, 2], [3, 4], [5, 6]]"), poly("[[1., 2], [3, 4], [5, 6]]"),
      poly("[[-, 2], [3, 4], [5, 6]]"), poly("[[1, 2] [3, 4], [5, 6]]"), poly("[[1, 2], [3, 4], [5, 6]] x"), poly("[[NaN, 2], [3, 4], [5, 6]]"),
      // the stand-in's marker (DEL), escaped either way or as it is
      `{"size": {"height": 1, "width": 1}, "objects": [], "a": "\\u007f0"}`, `{"a": "\\u007F"}`, `{"a": "\u007f1"}`,
      `{"a": "\u0001"}`, `{"a": "\\x"}`, `{"a": "\\u12"}`, `{"a" 1}`, `{"a": tru}`,
      `${"[".repeat(300)}${"]".repeat(300)}`, "", " ",
    ];
    for (const c of cases) expect(same(c)).toBe("gave up");
    expect(same(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toBe("gave up"); // not UTF-8
  });
});
