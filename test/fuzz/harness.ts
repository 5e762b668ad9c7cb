/**
 * Mutation fuzzing of readers: a fixture is copied, one of its files is damaged (or the folder around it is), and
 * the whole import must either succeed or fail with the project's own SlyconvError: never another exception, never a
 * hang, never a file written (or changed) outside the output folder.
 *
 * Mutations are chosen by the target's extension: JSON values, XML text and elements, CSV/TXT/YAML lines, PNG
 * headers and chunks, raw bytes for everything; plus folder-level ones: a copy under a name differing only in case,
 * a duplicated entry, a file replaced by a folder, or by a symlink to a file outside the input.
 */
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { importDataset, type ImportOptions } from "../../src/api.js";
import { SlyconvError } from "../../src/errors.js";
import { listFiles, tempDir } from "../helpers/paths.js";
import { fuzzRuns } from "../helpers/fuzz-scale.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** Strings that break assumptions: hostile names, numbers that are not, broken Unicode, huge text. */
export const HOSTILE_STRINGS = [
  "../../evil", "../evil.png", "/abs/path.png", "C:\\x.png", "C:evil.png", "a\u0000b", "NaN", "Infinity", "-Infinity", "1e308", "-1",
  "0x10", "１２", "\uFFFD\uD800", "x".repeat(5000), "", " ", "A.png", "a.png", "con", ".", "..",
];

/** Values that break assumptions: wrong types, extremes, empties, hostile names. */
export const hostileValue: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constant(null), fc.boolean(), fc.constant(""), fc.constant<JsonValue>([]), fc.constant<JsonValue>({}),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 1.5, -0.0001, 4294967296, 65536, 1e9),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string(), fc.array(fc.integer(), { maxLength: 5 }),
);

/** Every path (list of keys/indices) inside a JSON value. */
export function jsonPaths(v: JsonValue, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => jsonPaths(x, [...prefix, i], out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) jsonPaths(x, [...prefix, k], out);
  return out;
}

export function setAt(root: JsonValue, p: (string | number)[], value: JsonValue | undefined): JsonValue {
  if (p.length === 0) return value === undefined ? null : value;
  const copy = structuredClone(root) as Record<string | number, JsonValue>;
  let cur = copy as Record<string | number, JsonValue>;
  for (const k of p.slice(0, -1)) cur = cur[k] as Record<string | number, JsonValue>;
  const last = p[p.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy as JsonValue;
}

function getAt(root: JsonValue, p: (string | number)[]): JsonValue {
  let cur = root as Record<string | number, JsonValue>;
  for (const k of p) cur = cur[k] as Record<string | number, JsonValue>;
  return cur as JsonValue;
}

/** A mutation of one file's bytes. */
export type Mutation = (bytes: Buffer) => Buffer;

/** A mutation that is shown by its description when fast-check reports a failing case. */
export function named<T extends object>(description: string, value: T): T {
  return Object.assign(value, { [fc.toStringMethod]: () => description });
}

export function jsonMutation(): fc.Arbitrary<Mutation> {
  return fc.tuple(fc.nat(), hostileValue, fc.boolean()).map(([pick, value, remove]) => named(`json #${pick} ${remove ? "removed" : `= ${JSON.stringify(value)?.slice(0, 60)}`}`, (bytes: Buffer) => {
    let doc: JsonValue;
    try {
      doc = JSON.parse(bytes.toString("utf8"));
    } catch {
      return bytes;
    }
    const paths = jsonPaths(doc);
    const p = paths[pick % paths.length];
    return Buffer.from(JSON.stringify(setAt(doc, p, remove && p.length ? undefined : value)));
  }));
}

/** Duplicates an element of some array (two images with one id or file name, a category twice, …). */
export function jsonDuplicateMutation(): fc.Arbitrary<Mutation> {
  return fc.nat().map((pick) => named(`json duplicate array element #${pick}`, (bytes: Buffer) => {
    let doc: JsonValue;
    try {
      doc = JSON.parse(bytes.toString("utf8"));
    } catch {
      return bytes;
    }
    const arrays = jsonPaths(doc).filter((p) => p.length && Array.isArray(getAt(doc, p.slice(0, -1))));
    if (!arrays.length) return bytes;
    const p = arrays[pick % arrays.length];
    const parent = structuredClone(getAt(doc, p.slice(0, -1))) as JsonValue[];
    parent.splice(Number(p[p.length - 1]), 0, structuredClone(parent[Number(p[p.length - 1])]));
    return Buffer.from(JSON.stringify(setAt(doc, p.slice(0, -1), parent)));
  }));
}

/** A number written in the text replaced by one JSON.parse reads as ±Infinity or 0 (valid JSON syntax all the same). */
export function jsonNumberTextMutation(): fc.Arbitrary<Mutation> {
  return fc.tuple(fc.nat(), fc.constantFrom("1e999", "-1e999", "1e-999", "123456789012345678901234567890")).map(([pick, value]) => named(`json number #${pick} = ${value}`, (b: Buffer) => {
    const text = b.toString("utf8");
    const numbers = [...text.matchAll(/(?<=[:\[,]\s*)-?\d+(\.\d+)?([eE][+-]?\d+)?(?=\s*[,\]}])/g)];
    if (!numbers.length) return b;
    const m = numbers[pick % numbers.length];
    return Buffer.from(text.slice(0, m.index!) + value + text.slice(m.index! + m[0].length));
  }));
}

export function byteMutation(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.nat().map((n) => named(`truncated at ${n}`, (b: Buffer) => b.subarray(0, n % (b.length + 1)))),
    fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([n, junk]) => named(`garbage ${Buffer.from(junk).toString("hex")} at ${n}`, (b: Buffer) => {
      const at = n % (b.length + 1);
      return Buffer.concat([b.subarray(0, at), Buffer.from(junk), b.subarray(at)]); // garbage inserted (bad encodings too)
    })),
    fc.constant(named("UTF-16 BOM", (b: Buffer) => Buffer.concat([Buffer.from([0xff, 0xfe]), b]))), // a UTF-16 BOM on UTF-8 text
    fc.constant(named("UTF-16LE re-encoded", (b: Buffer) => Buffer.from(b.toString("utf8"), "utf16le"))),
    fc.constant(named("emptied", () => Buffer.alloc(0))),
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([n, bit]) => named(`bit ${bit} flipped at ${n}`, (b: Buffer) => {
      if (!b.length) return b;
      const c = Buffer.from(b);
      c[n % c.length] ^= 1 << bit;
      return c;
    })),
  );
}

// ---- text formats: XML, lines (TXT, CSV, TSV, names), YAML ----

/** Text that breaks XML readers: entities, nesting, numbers that are not. */
const HOSTILE_XML_TEXT = [
  ...HOSTILE_STRINGS.filter((s) => !s.includes("\u0000")), "&amp;", "&#0;", "&#xD800;", "&undefined;", "<![CDATA[1]]>", "<a>1</a>", "<b/>",
  "1 2", "1,5", "1e400", "1e999", "-1e999", "1e308", "-0", "+5", ".5", "5.", "<object><name>x</name></object>",
];

/** Billion-laughs style entity expansion: must not exhaust memory or time. */
const ENTITY_BOMB = `<?xml version="1.0"?>\n<!DOCTYPE annotation [\n<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">\n` +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join("\n") +
  `\n]>\n`;

export function xmlMutation(): fc.Arbitrary<Mutation> {
  const textNodes = /(>)([^<]*)(<\/)/g;
  return fc.oneof(
    // The text of one element replaced.
    fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_XML_TEXT)).map(([pick, value]) => named(`xml text #${pick} = ${JSON.stringify(value).slice(0, 60)}`, (b: Buffer) => {
      const text = b.toString("utf8");
      const spots = [...text.matchAll(textNodes)];
      if (!spots.length) return b;
      const m = spots[pick % spots.length];
      const at = m.index! + 1;
      return Buffer.from(text.slice(0, at) + value + text.slice(at + m[2].length));
    })),
    // One element (with everything inside it) removed or repeated.
    fc.tuple(fc.nat(), fc.boolean()).map(([pick, duplicate]) => named(`xml element #${pick} ${duplicate ? "repeated" : "removed"}`, (b: Buffer) => {
      const text = b.toString("utf8");
      const opens = [...text.matchAll(/<([A-Za-z_][\w.-]*)>/g)];
      if (!opens.length) return b;
      const m = opens[pick % opens.length];
      const close = text.indexOf(`</${m[1]}>`, m.index!);
      if (close < 0) return b;
      const end = close + m[1].length + 3;
      const element = text.slice(m.index!, end);
      return Buffer.from(text.slice(0, m.index!) + (duplicate ? element + element : "") + text.slice(end));
    })),
    // An element renamed (opening tag only: mismatched tags), or its name swapped consistently.
    fc.tuple(fc.nat(), fc.constantFrom("object", "name", "bndbox", "xmin", "size", "width", "x", "annotation"), fc.boolean()).map(([pick, to, both]) => named(`xml tag #${pick} renamed ${to}${both ? " (both ends)" : ""}`, (b: Buffer) => {
      const text = b.toString("utf8");
      const opens = [...text.matchAll(/<([A-Za-z_][\w.-]*)>/g)];
      if (!opens.length) return b;
      const m = opens[pick % opens.length];
      let out = text.slice(0, m.index!) + `<${to}>` + text.slice(m.index! + m[0].length);
      if (both) {
        const close = out.indexOf(`</${m[1]}>`, m.index!);
        if (close >= 0) out = out.slice(0, close) + `</${to}>` + out.slice(close + m[1].length + 3);
      }
      return Buffer.from(out);
    })),
    fc.constant(named("xml entity bomb", (b: Buffer) => Buffer.from(ENTITY_BOMB + b.toString("utf8").replace(/^<\?xml[^>]*\?>\s*/, "").replace(/<(\w+)>([^<]*)</, "<$1>&j;$2<")))),
    fc.integer({ min: 1, max: 4 }).map((k) => named(`xml deep nesting 10^${k}`, (b: Buffer) => {
      const depth = 10 ** k;
      return Buffer.from(b.toString("utf8").replace("<object>", "<object>" + "<x>".repeat(depth) + "1" + "</x>".repeat(depth)));
    })),
  );
}

const HOSTILE_LINES = [
  "", "   ", "#", ",,,,", "\"", "\"unclosed,field", "a,\"b\"\"c\",d", "\t\t\t", "0 0.5 0.5 0.1", "0 NaN NaN NaN NaN", "0 1e308 1e308 1e308 1e308",
  "-1 0.5 0.5 0.1 0.1", "99999999999 0.5 0.5 0.1 0.1", "0 1e999 0.5 0.1 0.1", "0 0.5 0.5 1e300 1e300", "0 1e9 1e9 1e9 1e9", "0 0.5 0.5 -0.1 -0.1", "0 0.1 0.1 0.2 0.2 0.3", "0.5 0.5 0.5 0.5 0.5",
  "0 0.1 0.1 0.9 0.1 0.9 0.9 0.1 0.9", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15", "../../evil.png", "/abs/evil.png", "C:\\evil.png", "a\u0000b.png",
  "http://", "https://h.example/../../x.png", "https://h.example/%2e%2e%2fevil.png", "https://h.example/a%00b.png", "s3://bucket", "javascript:alert(1)",
  "file:///etc/passwd", "https://h.example/" + "x".repeat(5000) + ".png", "https://h.example/A.png", "https://h.example/a.png",
  "x".repeat(100_000), "\uFEFFhttps://h.example/bom.png", "url,url,url", "name: [a, b", "names: 7", "names: {x: y}", "train: /etc", "train: ../../..",
  "path: /", "kpt_shape: [1e9, 3]", "kpt_shape: [-1, 3]", "nc: -5", "names: !!binary aGVsbG8=", "<<: *undefined", "classes = -3",
  "train = /etc/passwd", "names = ../../../etc/passwd", "__ignore__", "_background_", "cat:255,0,0::", "cat:999,-1,x::", "cat 1 2 3",
];

/** Replaces, deletes, duplicates or inserts lines; also CRLF line ends and trailing spaces. */
export function lineMutation(extra: readonly string[] = []): fc.Arbitrary<Mutation> {
  const lines = [...HOSTILE_LINES, ...extra];
  return fc.oneof(
    fc.tuple(fc.nat(), fc.constantFrom(...lines), fc.constantFrom("replace", "insert")).map(([pick, value, how]) => named(`line #${pick} ${how} ${JSON.stringify(value).slice(0, 60)}`, (b: Buffer) => {
      const all = b.toString("utf8").split("\n");
      const at = pick % (all.length + (how === "insert" ? 1 : 0));
      all.splice(at, how === "replace" ? 1 : 0, value);
      return Buffer.from(all.join("\n"));
    })),
    fc.tuple(fc.nat(), fc.boolean()).map(([pick, duplicate]) => named(`line #${pick} ${duplicate ? "duplicated" : "deleted"}`, (b: Buffer) => {
      const all = b.toString("utf8").split("\n");
      const at = pick % all.length;
      all.splice(at, duplicate ? 0 : 1, ...(duplicate ? [all[at]] : []));
      return Buffer.from(all.join("\n"));
    })),
    // One field (space, comma, tab or colon separated) of a line replaced.
    fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100), "1e308", "1e999", "NaN", "-0", "0.5e", "７")).map(([pick, field, value]) => named(`line #${pick} field #${field} = ${JSON.stringify(value)}`, (b: Buffer) => {
      const all = b.toString("utf8").split("\n");
      const at = pick % all.length;
      const sep = [" ", ",", "\t", ":", ";"].find((s) => all[at].includes(s)) ?? " ";
      const fields = all[at].split(sep);
      fields[field % fields.length] = value;
      all[at] = fields.join(sep);
      return Buffer.from(all.join("\n"));
    })),
    fc.constant(named("CRLF line ends", (b: Buffer) => Buffer.from(b.toString("utf8").replace(/\r?\n/g, "\r\n")))),
    fc.constant(named("CR line ends", (b: Buffer) => Buffer.from(b.toString("utf8").replace(/\r?\n/g, "\r")))),
    fc.constant(named("30 copies", (b: Buffer) => Buffer.from(b.toString("utf8").repeat(30)))),
  );
}

/** YAML-specific: alias bombs, tags, wrong types for the keys YOLO reads. */
export function yamlMutation(): fc.Arbitrary<Mutation> {
  const aliasBomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" +
    Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`).join("\n") + "\n";
  return fc.oneof(
    lineMutation(),
    fc.constant(named("yaml alias bomb", (b: Buffer) => Buffer.from(aliasBomb + b.toString("utf8")))),
    fc.tuple(fc.constantFrom("names", "nc", "train", "val", "test", "path", "kpt_shape", "flip_idx", "kpt_names"),
      fc.constantFrom("null", "[]", "{}", "7", "-1", "1e308", ".nan", ".inf", "'../../..'", "/", "/etc/passwd", "[1, [2, [3]]]", "{0: [a], x: 1}",
        "[../evil, /abs, 'C:\\evil']", "\"a\\0b\"", "!!binary aGk=", "2001-01-01", "yes", "{1e9: a}", "{99999999: a}", "[\"\", \"\"]", "[a, A]", "[a, a]"))
      .map(([key, value]) => named(`yaml ${key}: ${value}`, (b: Buffer) => {
        const text = b.toString("utf8");
        const re = new RegExp(`^${key}:.*(\\n[ -].*)*`, "m");
        return Buffer.from(re.test(text) ? text.replace(re, `${key}: ${value}`) : `${text}\n${key}: ${value}\n`);
      })),
  );
}

// ---- PNG ----

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface PngChunk { type: string; data: Buffer }

function pngChunks(b: Buffer): PngChunk[] | null {
  if (b.length < 8 || b.readUInt32BE(0) !== 0x89504e47) return null;
  const out: PngChunk[] = [];
  for (let at = 8; at + 12 <= b.length;) {
    const len = b.readUInt32BE(at);
    if (at + 12 + len > b.length) return null;
    out.push({ type: b.toString("latin1", at + 4, at + 8), data: Buffer.from(b.subarray(at + 8, at + 8 + len)) });
    at += 12 + len;
  }
  return out;
}

function pngFromChunks(chunks: PngChunk[]): Buffer {
  const parts: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  for (const c of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(c.data.length, 0);
    head.write(c.type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), c.data])));
    parts.push(head, c.data, crc);
  }
  return Buffer.concat(parts);
}

let idatBomb: Buffer | undefined;

/** Structurally valid PNGs that lie: header fields changed (with good CRCs), chunks dropped, repeated, inflated. */
export function pngMutation(): fc.Arbitrary<Mutation> {
  const ihdrField = fc.oneof(
    fc.tuple(fc.constant(0), fc.constantFrom(0, 1, 2, 65535, 100_000, 0x7fffffff, 0xffffffff)).map(([off, v]) => ({ what: `width=${v}`, off, size: 4, v })),
    fc.tuple(fc.constant(4), fc.constantFrom(0, 1, 3, 65535, 100_000, 0x7fffffff, 0xffffffff)).map(([off, v]) => ({ what: `height=${v}`, off, size: 4, v })),
    fc.constantFrom(1, 2, 4, 8, 16, 0, 7, 255).map((v) => ({ what: `bit depth=${v}`, off: 8, size: 1, v })),
    fc.constantFrom(0, 2, 3, 4, 6, 1, 5, 7).map((v) => ({ what: `colour type=${v}`, off: 9, size: 1, v })),
    fc.constantFrom(0, 1, 2).map((v) => ({ what: `interlace=${v}`, off: 12, size: 1, v })),
  );
  const edit = (what: string, f: (chunks: PngChunk[]) => PngChunk[] | null) => named(`png ${what}`, (b: Buffer) => {
    const chunks = pngChunks(b);
    if (!chunks) return b;
    const out = f(chunks);
    return out ? pngFromChunks(out) : b;
  });
  return fc.oneof(
    ihdrField.map((m) => edit(m.what, (chunks) => chunks.map((c) => {
      if (c.type !== "IHDR" || c.data.length < 13) return c;
      const d = Buffer.from(c.data);
      if (m.size === 4) d.writeUInt32BE(m.v >>> 0, m.off);
      else d[m.off] = m.v & 0xff;
      return { type: c.type, data: d };
    }))),
    fc.constantFrom("IHDR", "PLTE", "IDAT", "IEND", "tRNS").map((t) => edit(`${t} dropped`, (chunks) => chunks.filter((c) => c.type !== t))),
    fc.constantFrom("IHDR", "PLTE", "IDAT").map((t) => edit(`${t} repeated`, (chunks) => chunks.flatMap((c) => (c.type === t ? [c, c] : [c])))),
    fc.constant(edit("palette of 1 entry", (chunks) => chunks.map((c) => (c.type === "PLTE" ? { type: c.type, data: c.data.subarray(0, 3) } : c)))),
    fc.constant(edit("IDAT inflating to 64 MiB of zeros", (chunks) => {
      const bomb = (idatBomb ??= zlib.deflateSync(Buffer.alloc(64 * 1024 * 1024), { level: 1 }));
      return chunks.map((c) => (c.type === "IDAT" ? { type: c.type, data: bomb } : c)).filter((c, i, all) => c.type !== "IDAT" || all.findIndex((x) => x.type === "IDAT") === i);
    })),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((junk) => edit(`IDAT replaced by ${junk.length} junk bytes`, (chunks) => chunks.map((c) => (c.type === "IDAT" ? { type: c.type, data: Buffer.from(junk) } : c)))),
    fc.nat().map((n) => edit(`IDAT truncated at ${n}`, (chunks) => chunks.map((c) => (c.type === "IDAT" ? { type: c.type, data: c.data.subarray(0, n % (c.data.length + 1)) } : c)))),
  );
}

// ---- extremes (issue 18): numbers, sizes, names, FIFOs ----

/** Numbers at the edges: huge, signed zero, beyond 2^53, sizes of 10^5, and numbers written as text. */
export const EXTREME_NUMBERS: readonly JsonValue[] = [1e300, -1e300, -0, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 100_000, 1e5 + 0.5, 4294967297, 5e-324];
export const EXTREME_STRINGS: readonly string[] = ["NaN", "-NaN", "Infinity", "1e300", "-0", "100000", `${"x".repeat(300)}.png`, ".hidden.png", ".x", "..x", `.${"y".repeat(250)}`];

/** A JSON number or string replaced by an extreme value (numbers by numbers or numeric text, strings by names). */
export function extremeJsonMutation(): fc.Arbitrary<Mutation> {
  return fc.tuple(fc.nat(), fc.constantFrom<JsonValue>(...EXTREME_NUMBERS, ...EXTREME_STRINGS), fc.boolean()).map(([pick, value, sizesOnly]) => named(`json extreme #${pick}${sizesOnly ? " (a size)" : ""} = ${JSON.stringify(value)?.slice(0, 40)}`, (bytes: Buffer) => {
    let doc: JsonValue;
    try {
      doc = JSON.parse(bytes.toString("utf8"));
    } catch {
      return bytes;
    }
    // Leaves only: numbers, and strings; half of the time only width/height/size-like keys.
    const leaves = jsonPaths(doc).filter((p) => {
      const v = getAt(doc, p);
      if (typeof v !== "number" && typeof v !== "string") return false;
      return !sizesOnly || p.some((k) => typeof k === "string" && /^(width|height|size|area|counts)$/.test(k));
    });
    if (!leaves.length) return bytes;
    return Buffer.from(JSON.stringify(setAt(doc, leaves[pick % leaves.length], value)));
  }));
}

/** The same in text formats (XML text, label lines, CSV cells): one number-like token replaced. */
export function extremeTextMutation(): fc.Arbitrary<Mutation> {
  const values = [...EXTREME_NUMBERS.map((n) => (Object.is(n, -0) ? "-0" : String(n))), ...EXTREME_STRINGS];
  return fc.tuple(fc.nat(), fc.constantFrom(...values)).map(([pick, value]) => named(`text extreme #${pick} = ${JSON.stringify(value).slice(0, 40)}`, (b: Buffer) => {
    const text = b.toString("utf8");
    const tokens = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?|[A-Za-z_][\w.-]*\.(png|jpg|jpeg)/g)];
    if (!tokens.length) return b;
    const m = tokens[pick % tokens.length];
    return Buffer.from(text.slice(0, m.index!) + value + text.slice(m.index! + m[0].length));
  }));
}

/** Folder-level extremes: a FIFO instead of the file, a name with a leading dot, a name of 250 bytes. */
export function extremeTreeMutation(): fc.Arbitrary<TreeMutation> {
  return fc.constantFrom<[string, TreeMutation]>(
    ["replaced by a FIFO (a reader that opens it waits for a writer forever)", (input, target) => {
      fs.rmSync(path.join(input, target));
      execFileSync("mkfifo", [path.join(input, target)]);
    }],
    ["renamed with a leading dot", (input, target) => {
      const file = path.join(input, target);
      fs.renameSync(file, path.join(path.dirname(file), `.${path.basename(file)}`));
    }],
    ["renamed to 250 bytes (its extension kept)", (input, target) => {
      const file = path.join(input, target);
      const ext = path.extname(file);
      fs.renameSync(file, path.join(path.dirname(file), "n".repeat(250 - Buffer.byteLength(ext)) + ext));
    }],
    ["its folder renamed with a leading dot", (input, target) => {
      const dir = path.dirname(path.join(input, target));
      if (dir === input) return;
      fs.renameSync(dir, path.join(path.dirname(dir), `.${path.basename(dir)}`));
    }],
  ).map(([what, m]) => named(`tree: ${what}`, m));
}

/** Extreme changes of a fixture: values in its files by extension, and folder-level extremes (FIFOs included). */
export function extremeChangeArbitrary(targets: readonly string[]): fc.Arbitrary<Change> {
  const bytes = fc.constantFrom(...targets).chain((target) => {
    const ext = path.extname(target).toLowerCase();
    const m = ext === ".json" ? extremeJsonMutation() : [".xml", ".txt", ".csv", ".tsv", ".yaml", ".yml"].includes(ext) ? extremeTextMutation() : pngMutation();
    return m.map((mutate): Change => ({ kind: "bytes", target, mutate }));
  });
  const tree = fc.tuple(fc.constantFrom(...targets), extremeTreeMutation()).map(([target, mutate]): Change => ({ kind: "tree", target, mutate }));
  return fc.oneof({ weight: 4, arbitrary: bytes }, { weight: 1, arbitrary: tree });
}

// ---- folder-level mutations ----

/** A change to the copied input folder around one target file. `outside` is a file beside (not in) the input. */
export type TreeMutation = (input: string, target: string, outside: string) => void;

/** A name differing only in case: `a.png` → `A.png`, `A.png` → `a.png`, `x.txt` → `x.TXT`. */
export function caseVariant(name: string): string {
  const flipped = name.replace(/[A-Za-z]/, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
  return flipped !== name ? flipped : name.toUpperCase();
}

export function treeMutation(): fc.Arbitrary<TreeMutation> {
  return fc.constantFrom<[string, TreeMutation]>(
    ["copy under a name differing only in case", (input, target) => {
      const file = path.join(input, target);
      fs.copyFileSync(file, path.join(path.dirname(file), caseVariant(path.basename(file))));
    }],
    ["folder renamed to a case variant", (input, target) => {
      const dir = path.dirname(path.join(input, target));
      if (dir === input) return;
      fs.renameSync(dir, path.join(path.dirname(dir), caseVariant(path.basename(dir))));
    }],
    ["folder copied under a case variant", (input, target) => {
      const dir = path.dirname(path.join(input, target));
      if (dir === input) return;
      fs.cpSync(dir, path.join(path.dirname(dir), caseVariant(path.basename(dir))), { recursive: true });
    }],
    ["removed", (input, target) => fs.rmSync(path.join(input, target))],
    ["replaced by an empty folder", (input, target) => {
      fs.rmSync(path.join(input, target));
      fs.mkdirSync(path.join(input, target));
    }],
    ["replaced by a symlink to a file outside the input", (input, target, outside) => {
      fs.rmSync(path.join(input, target));
      fs.symlinkSync(outside, path.join(input, target));
    }],
    ["replaced by a symlink to an endless device (/dev/zero)", (input, target) => {
      if (!fs.existsSync("/dev/zero")) return;
      fs.rmSync(path.join(input, target));
      fs.symlinkSync("/dev/zero", path.join(input, target));
    }],
    ["replaced by a dangling symlink", (input, target) => {
      fs.rmSync(path.join(input, target));
      fs.symlinkSync(path.join(input, "does-not-exist"), path.join(input, target));
    }],
    ["replaced by a symlink to itself", (input, target) => {
      fs.rmSync(path.join(input, target));
      fs.symlinkSync(path.basename(target), path.join(input, target));
    }],
    ["two symlinks back up the tree beside it (a cycle a walker must not follow forever)", (input, target) => {
      const dir = path.dirname(path.join(input, target));
      fs.symlinkSync("..", path.join(dir, "loop-a"));
      fs.symlinkSync(".", path.join(dir, "loop-b"));
    }],
    ["its folder replaced by a symlink to a folder outside the input", (input, target, outside) => {
      const dir = path.dirname(path.join(input, target));
      if (dir === input) return;
      fs.rmSync(dir, { recursive: true });
      fs.symlinkSync(path.dirname(outside), dir);
    }],
  ).map(([what, m]) => named(`tree: ${what}`, m));
}

/** File mutations that make sense for a file, by its extension. */
export function mutationsFor(file: string): fc.Arbitrary<Mutation> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return fc.oneof({ weight: 3, arbitrary: jsonMutation() }, { weight: 1, arbitrary: jsonDuplicateMutation() }, { weight: 1, arbitrary: jsonNumberTextMutation() }, { weight: 1, arbitrary: byteMutation() });
  if (ext === ".xml") return fc.oneof({ weight: 3, arbitrary: xmlMutation() }, { weight: 1, arbitrary: byteMutation() });
  if ([".yaml", ".yml"].includes(ext)) return fc.oneof({ weight: 3, arbitrary: yamlMutation() }, { weight: 1, arbitrary: byteMutation() });
  if ([".txt", ".csv", ".tsv", ".names", ".data"].includes(ext)) return fc.oneof({ weight: 3, arbitrary: lineMutation() }, { weight: 1, arbitrary: byteMutation() });
  if (ext === ".png") return fc.oneof({ weight: 2, arbitrary: pngMutation() }, { weight: 1, arbitrary: byteMutation() });
  return byteMutation();
}

export interface FuzzCase {
  format: string;
  /** Folder (or file) copied for every run. */
  fixture: string;
  /** Relative paths (inside the copied fixture) that mutations may hit. */
  targets: string[];
  /** Relative input path inside the copy (default: the copy itself). */
  input?: string;
  formatOptions?: Record<string, unknown>;
  /** How images reach the output (default "none"); "copy" also exercises reading image files. */
  images?: "none" | "copy" | "hardlink" | "symlink";
  /** Share of runs that change the folder instead of a file's bytes (default 0.15). */
  treeShare?: number;
  /** Per-input time limit (default 20 s): an import that has not settled by then is a hang. */
  timeoutMs?: number;
  /** What runs the import (default importDataset); the harness's own tests stage forbidden outcomes with it. */
  importer?: Importer;
}

/** Imports `input` into `out` (which must not exist). */
export type Importer = (input: string, out: string, opts: ImportOptions) => Promise<unknown>;

/** Path → content hash of every file under a folder (symlinks by their target). */
export function snapshot(dir: string, skip: (rel: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p).split(path.sep).join("/");
      if (skip(rel)) continue;
      if (e.isSymbolicLink()) out.set(rel, `-> ${fs.readlinkSync(p)}`);
      else if (e.isDirectory()) walk(p);
      // Never read a FIFO (it blocks until a writer comes) or a device: their kind is what is compared.
      else if (!e.isFile()) out.set(rel, e.isFIFO() ? "(fifo)" : "(special)");
      else out.set(rel, createHash("sha1").update(fs.readFileSync(p)).digest("hex"));
    }
  };
  walk(dir);
  return out;
}

export type Change = { kind: "bytes"; target: string; mutate: Mutation } | { kind: "tree"; target: string; mutate: TreeMutation };

/** The content of the file that symlink mutations point at: it must come out unchanged. */
export const OUTSIDE_CONTENT = "a file outside the input: never written\n";

/** Per-input time limit by default: far above the slowest input (the 64 MiB PNG bomb, ~0.2 s) on a loaded machine. */
const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * The work folder of one mutated run: `d1/d2/d3/in` (a copy of `fixture`, `change` applied), `d1/d2/d3/outside/`
 * (what symlink mutations point at, holding OUTSIDE_CONTENT) and `d1/d2/d3/outparent/` (the output's parent; the
 * output is `outparent/out`, and `isOutput` tells its paths, relative to the work folder, from the rest).
 */
export function setUpChangedInput(work: string, fixture: string, change: Change): { copy: string; outside: string; outParent: string; isOutput: (rel: string) => boolean } {
  const base = path.join(work, "d1", "d2", "d3");
  fs.mkdirSync(base, { recursive: true });
  const copy = path.join(base, "in");
  fs.cpSync(fixture, copy, { recursive: true });
  const outsideDir = path.join(base, "outside");
  fs.mkdirSync(outsideDir);
  const outside = path.join(outsideDir, path.basename(change.target));
  fs.writeFileSync(outside, OUTSIDE_CONTENT);
  // A fixture that is one file (a COCO JSON) is changed as the file `in` of its parent folder.
  const root = fs.statSync(copy).isDirectory() ? copy : base;
  const target = fs.statSync(copy).isDirectory() ? change.target : "in";
  if (change.kind === "bytes") {
    const file = path.join(root, target);
    fs.writeFileSync(file, change.mutate(fs.readFileSync(file)));
  } else change.mutate(root, target, outside);
  const outParent = path.join(base, "outparent");
  fs.mkdirSync(outParent);
  const outRel = "d1/d2/d3/outparent/out";
  return { copy, outside, outParent, isOutput: (rel) => rel === outRel || rel.startsWith(`${outRel}/`) };
}

/**
 * Runs one mutated import; returns what happened, throws on a forbidden outcome.
 *
 * Layout of the work folder: `d1/d2/d3/in` (the mutated copy), `d1/d2/d3/outside/` (what symlink mutations point
 * at), `d1/d2/d3/outparent/out` (the output). Everything in the work folder but `outparent/out` is compared before
 * and after, so a write that climbs up to five levels out of the output (`../../../../../x`) is caught too. A hang
 * is an import that has not settled after `timeoutMs`; an import stuck in a synchronous loop blocks the event loop
 * and is left to vitest's test timeout (and CI's job timeout) instead.
 */
export async function runChanged(c: FuzzCase, change: Change): Promise<"ok" | "rejected"> {
  const work = tempDir("slyconv-fuzz-");
  try {
    const { copy, outside, outParent, isOutput } = setUpChangedInput(work, c.fixture, change);
    const before = snapshot(work, isOutput);
    let outcome: "ok" | "rejected" = "ok";
    const importer = c.importer ?? importDataset;
    // One thread: the file-writer and reader threads are started per import, and under vitest each costs 100+ ms to
    // boot, most of a run. They give the same results as the main thread (the rest of the suite runs with them), and
    // what is fuzzed here is what the readers make of the input. SLYCONV_FUZZ_THREADS=1 keeps them.
    const threads = process.env.SLYCONV_NO_WORKERS;
    if (!process.env.SLYCONV_FUZZ_THREADS) process.env.SLYCONV_NO_WORKERS = "1";
    try {
      await withTimeout(importer(c.input ? path.join(copy, c.input) : copy, path.join(outParent, "out"), {
        format: c.format, images: c.images ?? "none", formatOptions: c.formatOptions,
      }), c.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    } catch (e) {
      // UsageError is a SlyconvError (exit 2): a clear error too.
      if (!(e instanceof SlyconvError)) {
        throw new Error(`${c.format}: ${String((change.mutate as unknown as Record<symbol, () => string>)[fc.toStringMethod]?.() ?? "mutation")} of ${change.target} gave an unhandled ${(e as Error)?.name}: ${(e as Error)?.message}\n${(e as Error)?.stack}`);
      }
      outcome = "rejected";
    } finally {
      if (threads === undefined) delete process.env.SLYCONV_NO_WORKERS;
      else process.env.SLYCONV_NO_WORKERS = threads;
    }
    // Nothing written, changed or removed beside the output, in the input or in the file outside it.
    const after = snapshot(work, isOutput);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    if (changed.length) throw new Error(`${c.format}: files outside the output changed: ${changed.join(", ")}`);
    if (fs.readFileSync(outside, "utf8") !== OUTSIDE_CONTENT) throw new Error(`${c.format}: the file outside the input was written through a symlink`);
    const siblings = fs.readdirSync(outParent);
    if (siblings.some((s) => s !== "out")) throw new Error(`${c.format}: left ${siblings} beside the output`);
    if (outcome === "rejected" && siblings.length) throw new Error(`${c.format}: a failed import left an output folder`);
    if (outcome === "ok") {
      if (!siblings.length) throw new Error(`${c.format}: the import succeeded but wrote no output folder`);
      assertNoEscapingLinks(path.join(outParent, "out"));
      assertFiniteAnnotations(path.join(outParent, "out"));
    }
    return outcome;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** No symlink in an output points anywhere (an image the input symlinked is linked or copied as the real file). */
function assertNoEscapingLinks(out: string): void {
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) throw new Error(`the output holds a symlink: ${p} -> ${fs.readlinkSync(p)}`);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(out);
}

/** Geometry keys whose leaves must all be numbers: JSON.stringify writes NaN and ±Infinity as null. */
const COORDINATE_KEYS = new Set(["exterior", "interior", "origin", "loc"]);

/** Every annotation the import wrote has numeric coordinates and a numeric (or null) size: "succeeded" means usable. */
function assertFiniteAnnotations(out: string): void {
  const check = (v: unknown, where: string, inCoords: boolean): void => {
    if (Array.isArray(v)) v.forEach((x, i) => check(x, `${where}/${i}`, inCoords));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) check(x, `${where}/${k}`, inCoords || COORDINATE_KEYS.has(k));
    else if (inCoords && typeof v !== "number") throw new Error(`the output holds a coordinate that is not a number at ${where}: ${JSON.stringify(v)}`);
  };
  for (const f of listFiles(out).filter((x) => /(^|\/)ann\/[^/]+\.json$/.test(x))) {
    const ann = JSON.parse(fs.readFileSync(path.join(out, f), "utf8"));
    check(ann.objects, `${f}#/objects`, false);
    for (const k of ["width", "height"]) {
      const d = ann.size?.[k];
      if (d !== null && typeof d !== "number") throw new Error(`${f}#/size/${k} is ${JSON.stringify(d)}`);
    }
  }
}

/** Kept for callers of the first harness: one byte mutation of one target. */
export function runMutated(c: FuzzCase, target: string, mutate: Mutation): Promise<"ok" | "rejected"> {
  return runChanged(c, { kind: "bytes", target, mutate });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`hang: no answer after ${ms} ms`)), ms); }),
  ]);
}

/** The changes one fuzz run may make: mostly file mutations by extension, some folder mutations. */
export function changeArbitrary(c: FuzzCase): fc.Arbitrary<Change> {
  const bytes = fc.constantFrom(...c.targets).chain((target) => mutationsFor(target).map((mutate): Change => ({ kind: "bytes", target, mutate })));
  const tree = fc.tuple(fc.constantFrom(...c.targets), treeMutation()).map(([target, mutate]): Change => ({ kind: "tree", target, mutate }));
  const share = c.treeShare ?? 0.15;
  return fc.oneof({ weight: Math.round((1 - share) * 100), arbitrary: bytes }, { weight: Math.round(share * 100), arbitrary: tree });
}

export { fuzzRuns };

/** Below this many runs a test does not check the mix of imported and refused mutations (too few to tell). */
export const MIN_RUNS_FOR_OUTCOME_MIX = 50;

/** A fuzz test's time limit: generous for a loaded 2-core CI machine, and scaled with SLYCONV_FUZZ_SCALE. */
export const FUZZ_TEST_TIMEOUT_MS = Math.max(60_000, fuzzRuns(600_000));

/** fast-check property over mutations of a fixture; returns the outcome counts for the test to report. */
export async function fuzzReader(c: FuzzCase, runs: number, seed = 42): Promise<{ ok: number; rejected: number }> {
  const counts = { ok: 0, rejected: 0 };
  // SLYCONV_FUZZ_SEED explores other mutations (fast-check prints the seed and path of any failure to replay it).
  if (process.env.SLYCONV_FUZZ_SEED) seed += Number(process.env.SLYCONV_FUZZ_SEED);
  await fc.assert(
    fc.asyncProperty(changeArbitrary(c), async (change) => {
      counts[await runChanged(c, change)]++;
    }),
    { numRuns: runs, seed, endOnFailure: true, includeErrorInReport: true },
  );
  return counts;
}
