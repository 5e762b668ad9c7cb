/**
 * canonicalJsonBytes / compactJsonBytes / JsonWriter must give exactly the bytes of JSON.stringify(value, null, 4)
 * and JSON.stringify(value), whatever the value.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { JsonWriter, PointLists, canonicalJsonBytes, compactJsonBytes } from "../../src/io/canonical-json.js";
import { fuzzRuns } from "../helpers/fuzz-scale.js";

/** v with each [[x, y], …] list passed through lists.list(), as a builder of packed JSON does (plain data only). */
function listsTakenOut(v: unknown, lists: PointLists): unknown {
  if (Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype) {
    const out = lists.list(v);
    return out !== v ? out : v.map((e) => listsTakenOut(e, lists));
  }
  if (v !== null && typeof v === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
    const copy: Record<string, unknown> = Object.create(Object.getPrototypeOf(v));
    for (const k of Object.keys(v)) Object.defineProperty(copy, k, { value: listsTakenOut((v as Record<string, unknown>)[k], lists), enumerable: true, writable: true });
    return copy;
  }
  return v;
}

const lists = new PointLists();
const pack = (v: unknown) => lists.finish(listsTakenOut(v, lists));

const writer = new JsonWriter(16);
const same = (v: unknown): void => {
  expect(canonicalJsonBytes(v).toString("utf8")).toBe(JSON.stringify(v, null, 4));
  expect(compactJsonBytes(v).toString("utf8")).toBe(JSON.stringify(v));
  // Appended after other text, from a small buffer that has to grow.
  writer.reset();
  writer.text("[");
  writer.compact(v);
  writer.text(",");
  writer.indented(v);
  writer.text("]");
  expect(writer.view().toString("utf8")).toBe(`[${JSON.stringify(v)},${JSON.stringify(v, null, 4)}]`);
  // Packed (point lists apart) and written from the skeleton, as another thread does: from its text and its bytes.
  const packed = pack(v);
  if (packed) {
    writer.reset();
    writer.indentedPacked(packed.skeleton, packed.coords);
    expect(writer.view().toString("utf8")).toBe(JSON.stringify(v, null, 4));
    writer.reset();
    writer.indentedPacked(Buffer.from(packed.skeleton), packed.coords);
    expect(writer.view().toString("utf8")).toBe(JSON.stringify(v, null, 4));
  } else {
    // Only a string of the value's own that starts with DEL (or holds a quote before a DEL) stops it.
    expect(JSON.stringify(v)).toContain('"\u007f');
  }
};

/** Numbers of every kind: decimals of 0–6 places, integers, huge, tiny, -0, NaN, Infinity, float noise. */
const anyNumber = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).chain((k) => fc.constantFrom(k, k / 10, k / 100, k / 1000, k / 10000, k / 100000, k / 1e6)),
  fc.double(),
  fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, 0.1 + 0.2, 38.650000000000034, 1e21, 1e-7, 5e-324, 99999999999.9999, 1e15 / 1e4, -1e-4, 2 ** 53, 214748.3647),
);
const point = fc.tuple(anyNumber, anyNumber);
const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("", "\"", "\\", "\u0000", "\u007f", "\u007f12", "a\"\u007f3", "\ud800", "a\u2028b", "☃", "😀", "x".repeat(100), "é".repeat(70)));

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    anyNumber, text, fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.array(point, { maxLength: 6 }),
    fc.array(tie("tree"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom("0", "1", "10", "-1", "__proto__", "a b")), tie("tree"), { maxKeys: 5 }),
  ),
}));

describe("canonicalJsonBytes", () => {
  it("equals JSON.stringify(v, null, 4) on random JSON-like values (points, numbers, strings of all kinds)", () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), tree), (v) => same(v)), { numRuns: fuzzRuns(3000, 100) });
    fc.assert(fc.property(fc.array(fc.array(point, { maxLength: 50 }), { maxLength: 5 }), (v) => same({ points: { exterior: v[0] ?? [], interior: v.slice(1) } })), { numRuns: fuzzRuns(1000, 100) });
    fc.assert(fc.property(fc.array(fc.array(anyNumber, { maxLength: 60 }), { maxLength: 4 }), (v) => same({ segmentation: v, bbox: v[0] ?? [] })), { numRuns: fuzzRuns(1000, 100) });
  });

  it("PointLists: point lists go to the coordinates; a value with a string that would read as one is not packed", () => {
    const v = { a: [[1.5, 2], [3, 4]], b: { c: [[5, 6]] }, d: [1, 2], e: "x", f: [[1, "2"]], g: [] };
    const p = pack(v)!;
    expect(Array.from(p.coords)).toEqual([1.5, 2, 3, 4, 5, 6]);
    expect(JSON.parse(p.skeleton)).toEqual({ a: "\u007f2", b: { c: "\u007f1" }, d: [1, 2], e: "x", f: [[1, "2"]], g: [] });
    expect(pack({ s: "\u007f looks like a list", a: [[1, 2]] })).toBeNull();
    expect(pack({ s: 'a"\u007f5', a: [[1, 2]] })).toBeNull();
    expect(pack({ s: "\u0000 is an ordinary string now", a: [[1, 2]] })).not.toBeNull();
    expect(pack({ s: "a\u0000" })).not.toBeNull();
    expect(pack({ d: new Date(0), a: [[1, 2]] })).not.toBeNull();
    expect(pack({ "\u007f1": [[1, 2]] })).toBeNull();
    // A list taken out but left out of the value: the count of stand-ins differs.
    lists.list([[1, 2]]);
    expect(lists.finish({})).toBeNull();
    // What is not a list comes back as it is.
    for (const odd of [null, undefined, "x", 3, {}, new Float64Array(2)]) expect(lists.list(odd as unknown as unknown[])).toBe(odd);
    // Nothing is carried over to the next value.
    expect(Array.from(pack({ a: [[7, 8]] })!.coords)).toEqual([7, 8]);
    const w = new JsonWriter(16);
    expect(() => w.indentedPacked(p.skeleton, p.coords.subarray(0, 4))).toThrow(/fewer coordinates/);
    w.reset();
    expect(() => w.indentedPacked(Buffer.from('{"a":1}'), p.coords)).toThrow(/more coordinates/);
  });

  it("values JSON.stringify treats specially go through JSON.stringify", () => {
    const d = new Date(0);
    same({ d, list: [d, undefined, () => 1, Symbol("s")], f: () => 1, u: undefined, s: Symbol("x") });
    same({ n: new Number(3), s: new String("x"), b: Buffer.from("ab"), t: new Uint8Array([1, 2]) });
    same({ custom: { toJSON: (key: string) => `key ${key}` } });
    same({ nested: [[1, 2], [3, { toJSON: () => 4 }]] });
    class Point { constructor(readonly x: number, readonly y: number) {} }
    same({ p: new Point(1, 2), pts: [new Point(1, 2)] });
    same(Object.assign(Object.create(null), { a: 1, b: [[1.5, 2.25]] }));
    const sparse: unknown[] = [1, , 3]; // eslint-disable-line no-sparse-arrays
    same({ sparse, pair: [[1, , 3]] }); // eslint-disable-line no-sparse-arrays
    let deep: unknown = [[1, 2]];
    for (let i = 0; i < 1500; i++) deep = { next: deep };
    same(deep);
  });

  it("throws what JSON.stringify throws (cycles, BigInt)", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalJsonBytes(cyclic)).toThrow(TypeError);
    expect(() => compactJsonBytes(cyclic)).toThrow(TypeError);
    expect(() => canonicalJsonBytes({ n: 1n })).toThrow(TypeError);
    expect(() => compactJsonBytes([1n])).toThrow(TypeError);
  });

  it("a large annotation grows the buffer", () => {
    const exterior = Array.from({ length: 30_000 }, (_, i) => [i / 100, (i * 7) / 10000]);
    const v = { objects: [{ classTitle: "a", points: { exterior, interior: [] } }] };
    // Several times the 256 KB the writers start with.
    expect(JSON.stringify(v, null, 4).length).toBeGreaterThan(4 * 256 * 1024);
    same(v);
  });
});

describe("grownBuffer", () => {
  it("keeps the buffer when there is room, else copies the used bytes into one at least twice as large", async () => {
    const { grownBuffer } = await import("../../src/io/canonical-json.js");
    const buf = Buffer.from("abcdefgh");
    expect(grownBuffer(buf, 4, 4)).toBe(buf);
    const next = grownBuffer(buf, 6, 40);
    expect(next).not.toBe(buf);
    expect(next.length).toBeGreaterThanOrEqual(46);
    expect(next.length).toBeGreaterThanOrEqual(16);
    expect(next.subarray(0, 6).toString()).toBe("abcdef");
  });
});

describe("packed masks", () => {
  const encode = (m: { width: number; height: number; data: Uint8Array }) => `png:${m.width}x${m.height}:${[...m.data].join("")}`;
  const masks = [
    { width: 2, height: 1, data: Uint8Array.of(1, 0) },
    { width: 1, height: 3, data: Uint8Array.of(0, 1, 1) },
  ];
  /** A value whose bitmaps' data the writer of the skeleton encodes; `data` gives each as it is then written. */
  const value = (data: (k: number) => unknown, points: (p: [number, number][]) => unknown) => ({
    objects: [
      { bitmap: { origin: [1, 2], data: data(0) }, points: { exterior: points([[1.5, 2], [3, 4]]), interior: [] } },
      { bitmap: { origin: [0, 0], data: data(1) }, tags: [] },
    ],
  });

  it("writes each mask's string in the stand-in's place, in order, as if the value held it", () => {
    const packer = new PointLists();
    const packed = packer.finish(value((k) => packer.write.mask(masks[k]), (p) => packer.write(p)))!;
    expect(packed.masks).toEqual(masks);
    const out = new JsonWriter(16);
    out.indentedPacked(packed.skeleton, packed.coords, packed.masks, encode);
    expect(out.view().toString("utf8")).toBe(JSON.stringify(value((k) => encode(masks[k]), (p) => p), null, 4));
  });

  it("refuses a skeleton whose stand-ins and masks do not match", () => {
    const packer = new PointLists();
    const packed = packer.finish(value((k) => packer.write.mask(masks[k]), (p) => p))!;
    const out = new JsonWriter(16);
    expect(() => out.indentedPacked(packed.skeleton, packed.coords, packed.masks.slice(0, 1), encode)).toThrow(/more masks than it was given/);
    out.reset();
    expect(() => out.indentedPacked(packed.skeleton, packed.coords, [...packed.masks, masks[0]], encode)).toThrow(/more masks than its stand-ins/);
  });
});
