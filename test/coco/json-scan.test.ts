import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { ElementReader, endOfObject, replaceNonFiniteLiterals, scanTopLevel, type ScanValue } from "../../formats/coco/json-scan.js";
import { SlyconvError } from "../../src/errors.js";
import { tempDir } from "../helpers/paths.js";

function fileWith(text: string | Buffer): string {
  const f = path.join(tempDir("slyconv-scan-"), "x.json");
  fs.writeFileSync(f, text);
  return f;
}

async function scan(text: string | Buffer, chunkSize?: number, onKey?: (k: string) => "skip" | "ranges" | void) {
  const values: ScanValue[] = [];
  const ranges: [string, number, number, number][] = [];
  const ends: [string, number][] = [];
  await scanTopLevel(fileWith(text), "x.json", {
    onKey,
    onValue: (v) => values.push(v),
    onRange: (k, i, o, l) => ranges.push([k, i, o, l]),
    onArrayEnd: (k, n) => ends.push([k, n]),
  }, undefined, chunkSize);
  return { values, ranges, ends };
}

async function scanError(text: string, chunkSize?: number): Promise<SlyconvError> {
  try {
    await scan(text, chunkSize);
  } catch (e) {
    expect(e).toBeInstanceOf(SlyconvError);
    return e as SlyconvError;
  }
  throw new Error("no error");
}

const SAMPLE = `{"info": {"a": "x]}\\"y"}, "images": [{"id": 1, "file_name": "a b.jpg"}, {"id": 2}],
 "annotations": [ {"segmentation": [[1.5, 2, 3, 4]], "t": "[{"}, 7, "s", null ], "empty": [], "n": 12.5e3}`;

describe("top-level scanner", () => {
  it("hands every array element and top-level value over with its exact byte range", async () => {
    for (const chunk of [undefined, 1, 2, 3, 7, 16]) {
      const { values, ends } = await scan(SAMPLE, chunk);
      expect(values.map((v) => [v.key, v.index, v.text])).toEqual([
        ["info", -1, `{"a": "x]}\\"y"}`],
        ["images", 0, `{"id": 1, "file_name": "a b.jpg"}`],
        ["images", 1, `{"id": 2}`],
        ["annotations", 0, `{"segmentation": [[1.5, 2, 3, 4]], "t": "[{"}`],
        ["annotations", 1, "7"],
        ["annotations", 2, `"s"`],
        ["annotations", 3, "null"],
        ["n", -1, "12.5e3"],
      ]);
      for (const v of values) expect(Buffer.from(SAMPLE).subarray(v.offset, v.offset + v.length).toString()).toBe(v.text);
      expect(ends).toEqual([["images", 2], ["annotations", 4], ["empty", 0]]);
    }
  });

  it("multi-byte UTF-8 split across chunks, and a BOM", async () => {
    const text = `\ufeff{"a": ["☃ snow", "日本"]}`;
    for (const chunk of [1, 2, 5]) {
      const { values } = await scan(text, chunk);
      expect(values.map((v) => JSON.parse(v.text))).toEqual(["☃ snow", "日本"]);
    }
  });

  it("skips or only locates the values a caller asks it to", async () => {
    const { values, ranges } = await scan(SAMPLE, 4, (k) => (k === "images" ? "skip" : k === "annotations" ? "ranges" : undefined));
    expect(values.map((v) => v.key)).toEqual(["info", "n"]);
    expect(ranges.map((r) => r.slice(0, 2))).toEqual([["annotations", 0], ["annotations", 1], ["annotations", 2], ["annotations", 3]]);
    // Read back from the file by those ranges (as the COCO reader does after its scan): texts and values.
    const reader = await ElementReader.open(fileWith(SAMPLE));
    const texts: string[] = [], values2: unknown[] = [];
    try {
      await reader.parseRuns(ranges.length, (k) => ranges[k][2], (k) => ranges[k][3], (_k, r, text) => {
        texts.push(text());
        values2.push(r.ok ? r.value : r.error);
      });
    } finally {
      await reader.close();
    }
    expect(texts).toEqual([`{"segmentation": [[1.5, 2, 3, 4]], "t": "[{"}`, "7", `"s"`, "null"]);
    expect(values2).toEqual([{ segmentation: [[1.5, 2, 3, 4]], t: "[{" }, 7, "s", null]);
  });

  it("ranges of object elements taken in runs: the same whatever the chunk size, with other elements between", async () => {
    const elements = Array.from({ length: 300 }, (_, i) => i % 37 === 5 ? `"x${i}"` : i % 41 === 7 ? "[1, {\"a\": 2}]" : `{"id": ${i},\n "s": "}{\\"", "n": {"m": [${i}]}}`);
    const text = `{"a": [${elements.map((e, i) => (i % 3 ? e : ` \n${e}  `)).join(",")}], "b": [{"z": 1}]}`;
    const reference = (await scan(text, 1 << 20, () => "ranges")).ranges;
    expect(reference.length).toBe(301);
    reference.slice(0, 300).forEach(([, i, o, l]) => expect(text.slice(o, o + l)).toBe(elements[i]));
    for (const chunk of [7, 64, 100, 333, 1000]) {
      const { ranges, ends } = await scan(text, chunk, () => "ranges");
      expect(ranges).toEqual(reference);
      expect(ends).toEqual([["a", 300], ["b", 1]]);
    }
    // Errors after a run of objects are still found where they are.
    for (const bad of [`{"a": [{"x": 1}, {"x": 2},]}`, `{"a": [{"x": 1} {"x": 2}]}`, `{"a": [{"x": 1}, {"x": 2}`]) {
      await expect(scan(bad, 1 << 20, () => "ranges")).rejects.toThrow(/trailing comma|expected ',' or '\]'|ends before/);
    }
  });

  it("parseRuns: what `quick` takes never reaches fn; the rest does, in order, with its values and errors", async () => {
    // 400 elements (several runs): quick takes the numbers divisible by 3, and nothing in some runs; one is bad JSON.
    const elements = Array.from({ length: 400 }, (_, i) => (i === 250 ? "{bad}" : i % 50 < 8 ? `"s${i}"` : `{"v": ${i}, "pad": "${"x".repeat(300)}"}`));
    const text = `{"a": [${elements.join(", ")}]}`;
    const { ranges } = await scan(text, undefined, () => "ranges");
    expect(ranges.length).toBe(400);
    const reader = await ElementReader.open(fileWith(text));
    const taken: number[] = [], given: [number, unknown][] = [];
    try {
      await reader.parseRuns(ranges.length, (k) => ranges[k][2], (k) => ranges[k][3], (k, r, t) => {
        given.push([k, r.ok ? r.value : `error in ${t()}`]);
      }, (bytes, from, to, k) => {
        const s = bytes.toString("utf8", from, to);
        expect(s).toBe(elements[k]);
        if (s.startsWith("{") && k % 3 === 0) {
          taken.push(k);
          return true;
        }
        return false;
      });
    } finally {
      await reader.close();
    }
    // Every element once, either way; fn in order (what quick took aside).
    expect([...taken, ...given.map(([k]) => k)].sort((a, b) => a - b)).toEqual(elements.map((_, i) => i));
    expect(given.map(([k]) => k)).toEqual([...given.map(([k]) => k)].sort((a, b) => a - b));
    for (const [k, v] of given) {
      if (k === 250) expect(v).toBe("error in {bad}");
      else expect(v).toEqual(JSON.parse(elements[k]));
    }
    // Runs that start with four strings are not offered further: objects divisible by 3 reach fn there.
    expect(given.some(([k]) => k % 3 === 0 && elements[k].startsWith("{"))).toBe(true);
    expect(taken.length).toBeGreaterThan(20);
  });

  it.each([
    [`[1, 2]`, 1, 1, /must be one JSON object, found '\['/],
    ["", 1, 1, /the file is empty/],
    [`{"images": [{"id": 1}\n {"id": 2}]}`, 2, 2, /expected ',' or '\]' after element 0 of "images", found '\{'/],
    [`{"images": [{"id": 1},]}`, 1, 23, /trailing comma/],
    [`{"images": [{"id": 1}]`, 1, 23, /ends before the top-level object is closed/],
    [`{"a": 1 "b": 2}`, 1, 9, /expected ',' or '\}' after the value of "a"/],
    [`{"a" 1}`, 1, 6, /expected ':' after the key "a"/],
    [`{"a": 1} x`, 1, 10, /after the end of the top-level object/],
    [`{\n  "images": [\n    {"id": 1},\n    ,\n  ]}`, 4, 5, /expected a value in "images"/],
  ])("structural error %# has a line and column", async (text, line, column, message) => {
    const e = await scanError(text, 3);
    expect(e.code).toBe("json-syntax");
    expect(e.message).toMatch(message);
    expect(e.location).toEqual({ file: "x.json", line, column });
  });

  it("NaN and Infinity written by Python become null, outside strings only", () => {
    expect(replaceNonFiniteLiterals(`{"bbox": [NaN, -Infinity, Infinity, 1], "s": "NaN"}`)).toBe(`{"bbox": [null, null, null, 1], "s": "NaN"}`);
    expect(replaceNonFiniteLiterals(`{"a": 1}`)).toBeNull();
  });
});

describe("endOfObject (the fast path for objects inside one chunk)", () => {
  const end = (text: string, n?: number) => endOfObject(Buffer.from(text), 0, n ?? Buffer.byteLength(text));
  it("finds the closing brace past nested objects, and braces, brackets and quotes inside strings", () => {
    const text = `{"a": {"b": [1, {"c": 2}]}, "s": "}{\\"}", "t": "x\\\\"}, "after"`;
    const e = end(text);
    expect(text.slice(0, e + 1)).toBe(`{"a": {"b": [1, {"c": 2}]}, "s": "}{\\"}", "t": "x\\\\"}`);
    expect(JSON.parse(text.slice(0, e + 1))).toEqual({ a: { b: [1, { c: 2 }] }, s: '}{"}', t: "x\\" });
  });
  it("gives -1 when the object does not close before the limit (it continues in the next chunk)", () => {
    expect(end(`{"a": {"b": 1}`)).toBe(-1);
    expect(end(`{"a": "}`)).toBe(-1);
    expect(end(`{"a": 1}`, 7)).toBe(-1);
  });
  it("a scan with chunks cutting through objects gives the same ranges as one big chunk", async () => {
    const elements = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: i, s: "}".repeat(i % 3) + '"{', seg: [[i, i + 0.5]] }));
    const text = `{"annotations": [${elements.join(", ")}], "categories": []}`;
    const whole = await scan(text, undefined, () => "ranges");
    for (const chunk of [7, 64, 100]) expect((await scan(text, chunk, () => "ranges")).ranges).toEqual(whole.ranges);
    expect(whole.ranges.map(([, , o, l]) => text.slice(o, o + l))).toEqual(elements);
  });
});
