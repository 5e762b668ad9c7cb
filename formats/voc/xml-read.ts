/**
 * VOC annotation XML → VocXml. fast-xml-parser is lenient (a mismatched closing tag still parses), so every file is
 * first checked with its XMLValidator, which gives the line of the problem.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Finding, Report } from "../../src/report.js";
import type { Location } from "../../src/errors.js";
import { SlyconvError } from "../../src/errors.js";
import { MAX_LABELS_ENV, maxFileBytes, maxLabels } from "../../src/limits.js";
import { readRegularFileSync } from "../../src/io/regular-file.js";
import { cpuTask } from "../../src/workers/task.js";
import type { VocBox, VocField, VocObject, VocPart, VocXml } from "./xml-model.js";

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  captureMetaData: true,
  // Callbacks get the path matcher, not its string: the parser would otherwise make the path string for every
  // element and text (a tenth of the parse). Only `object` and `part` elements need their path.
  jPath: false,
  isArray: (name, jpath) => (name === "object" || name === "part") && String(jpath) === (name === "object" ? "annotation.object" : "annotation.object.part"),
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);

/** Character offset where the parser saw an element start (captureMetaData), if it recorded one. */
function startOf(node: unknown): number | undefined {
  if (!isNode(node)) return undefined;
  return ((node as unknown as Record<symbol, { startIndex?: number } | undefined>)[META])?.startIndex;
}

/** Line numbers of character offsets, from one scan of the text. */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  lineAt(offset: number): number {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A VOC number as written ("174", "174.0", "254.38"), or undefined. */
export function parseVocNumber(s: unknown): number | undefined {
  if (typeof s !== "string" || !NUMBER.test(s)) return undefined;
  const n = Number(s);
  // "1e999" matches the pattern but is Infinity, which would be written as null.
  return Number.isFinite(n) ? n : undefined;
}

function textOf(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return undefined;
}

/** Where a child element starts, searched from its parent's start (leaf elements carry no position of their own). */
function childLine(text: string, lines: LineIndex, from: number, tag: string): number {
  const at = text.indexOf(`<${tag}`, from);
  return lines.lineAt(at >= 0 ? at : from);
}

/** What parsing reports to: the conversion's report, or a list of findings made in a worker. */
type FindingSink = Pick<Report, "error" | "warn">;

export interface ParseCounters {
  /** Elements with no value (`<pose/>`): carry nothing, so no tag is made. */
  emptyElements: number;
}

const COORDS = ["xmin", "ymin", "xmax", "ymax"] as const;

function readBox(node: unknown, where: { text: string; lines: LineIndex; file: string; report: FindingSink; line: number; what: string }): VocBox | undefined {
  const { report, file } = where;
  if (node === undefined) {
    report.warn("voc-bndbox-missing", `${where.what} has no <bndbox>; it gets no rectangle`, { file, line: where.line });
    return undefined;
  }
  if (!isNode(node)) {
    report.warn("voc-bndbox-missing", `${where.what} has an empty <bndbox>; it gets no rectangle`, { file, line: where.line });
    return undefined;
  }
  const start = startOf(node) ?? 0;
  const values: Partial<VocBox> = {};
  for (const c of COORDS) {
    const raw = textOf(node[c]);
    if (raw === undefined || raw === "") {
      report.warn("voc-bndbox-missing", `${where.what}: <bndbox> has no ${c}; the box is skipped`, { file, line: where.line });
      return undefined;
    }
    const n = parseVocNumber(raw);
    if (n === undefined) {
      report.warn("voc-bndbox-not-numeric", `${where.what}: <${c}> is ${JSON.stringify(raw)}, not a number; the box is skipped`, { file, line: childLine(where.text, where.lines, start, c) });
      return undefined;
    }
    values[c] = n;
  }
  const box = values as VocBox;
  if (box.xmin > box.xmax || box.ymin > box.ymax) {
    report.warn("voc-bndbox-inverted", `${where.what}: xmin > xmax or ymin > ymax (${box.xmin},${box.ymin},${box.xmax},${box.ymax}); the corners are swapped`, { file, line: where.line });
    return {
      xmin: Math.min(box.xmin, box.xmax), ymin: Math.min(box.ymin, box.ymax),
      xmax: Math.max(box.xmin, box.xmax), ymax: Math.max(box.ymin, box.ymax),
    };
  }
  return box;
}

/** Flattens an element into path-named scalar fields (`actions/jumping`), skipping empty values. */
function flatten(prefix: string, value: unknown, out: VocField[], counters: ParseCounters): void {
  if (Array.isArray(value)) {
    for (const v of value) flatten(prefix, v, out, counters);
  } else if (isNode(value)) {
    const keys = Object.keys(value);
    if (!keys.length) counters.emptyElements++;
    for (const k of keys) flatten(prefix ? `${prefix}/${k}` : k, value[k], out, counters);
  } else {
    const s = textOf(value);
    if (s === undefined || s === "") counters.emptyElements++;
    else out.push({ name: prefix, value: s });
  }
}

/** Datumaro / CVAT custom attributes: `<attributes><attribute><name>n</name><value>v</value></attribute>…`. */
function readAttributes(value: unknown, out: VocField[], counters: ParseCounters): void {
  const list = isNode(value) ? value.attribute : undefined;
  const items = Array.isArray(list) ? list : list === undefined ? [] : [list];
  if (!items.length || !items.every((a) => isNode(a) && typeof a.name === "string" && a.name !== "")) {
    flatten("attributes", value, out, counters);
    return;
  }
  for (const a of items as Node[]) {
    const v = textOf(a.value);
    if (v === undefined || v === "") counters.emptyElements++;
    else out.push({ name: a.name as string, value: v });
  }
}

const OBJECT_STRUCTURE = new Set(["name", "class", "bndbox", "part", "attributes"]);

function readObject(node: unknown, index: number, ctx: { text: string; lines: LineIndex; file: string; report: FindingSink; counters: ParseCounters }): VocObject {
  const start = startOf(node) ?? 0;
  const line = ctx.lines.lineAt(start);
  const obj: VocObject = { index, fields: [], parts: [], line, boxLine: line };
  if (!isNode(node)) {
    ctx.report.warn("voc-object-empty", `object ${index} is empty`, { file: ctx.file, line });
    return obj;
  }
  // The SDK's importer also accepts <class> for the class name.
  const name = textOf(node.name) ?? textOf(node.class);
  if (name) obj.name = name;
  else ctx.report.warn("voc-object-name-missing", `object ${index} has no <name>; it is skipped`, { file: ctx.file, line });
  const bnd = node.bndbox;
  if (isNode(bnd)) obj.boxLine = ctx.lines.lineAt(startOf(bnd) ?? start);
  const what = `object ${index}${name ? ` (${name})` : ""}`;
  if (name) obj.box = readBox(bnd, { ...ctx, line: obj.boxLine, what });
  for (const [k, v] of Object.entries(node)) {
    if (!OBJECT_STRUCTURE.has(k)) flatten(k, v, obj.fields, ctx.counters);
    else if (k === "attributes") readAttributes(v, obj.fields, ctx.counters);
  }
  for (const p of (node.part as unknown[] | undefined) ?? []) {
    const pStart = startOf(p) ?? start;
    const pLine = ctx.lines.lineAt(pStart);
    const pName = isNode(p) ? textOf(p.name) : undefined;
    if (!pName || !isNode(p)) {
      ctx.report.warn("voc-object-name-missing", `a <part> of ${what} has no <name>; it is skipped`, { file: ctx.file, line: pLine });
      continue;
    }
    const part: VocPart = { name: pName, line: pLine };
    const box = readBox(p.bndbox, { ...ctx, line: pLine, what: `part ${pName} of ${what}` });
    if (box) part.box = box;
    obj.parts.push(part);
  }
  return obj;
}

/** Characters of the smallest element, `<a/>`: a file of fewer per label is not counted. */
const ELEMENT_CHARS = 4;
/**
 * Elements a file within the labels limit holds at most: this many an object (a VOC object has about a dozen: name,
 * pose, truncated, difficult, the box and its four corners; a part has six), and the header's.
 */
const ELEMENTS_PER_OBJECT = 20;
const HEADER_ELEMENTS = 10_000;

/**
 * Refuses a file with more `<object>` elements than the labels limit, or more elements of any kind than objects
 * within it have, before it is parsed: the parsed tree takes about 260 bytes an element (a 120 MB file of 1.1 million
 * objects took 3.4 GB; one of 29 million empty elements, 4.7 GB before the process died). Counted from the text,
 * nested or commented ones too: upper bounds that real files meet exactly.
 */
function checkElementCounts(text: string, file: string): void {
  const limit = maxLabels();
  const elementLimit = ELEMENTS_PER_OBJECT * limit + HEADER_ELEMENTS;
  if (text.length <= ELEMENT_CHARS * limit) return;
  let objects = 0, elements = 0;
  for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i + 1)) {
    const first = text.charCodeAt(i + 1);
    if (first === 0x2f || first === 0x21 || first === 0x3f) continue; // </end>, <!-- … -->, <?xml … ?>
    elements++;
    if (first === 0x6f && text.startsWith("object", i + 1)) {
      const next = text.charCodeAt(i + 7);
      if (next === 0x3e || next === 0x2f || next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09) objects++;
    }
  }
  if (objects > limit) {
    throw new SlyconvError("labels-limit", `the file holds ${objects} objects, more than the limit of ${limit} labels per image; if that is real, raise it with ${MAX_LABELS_ENV}=${objects}`, { file });
  }
  if (elements > elementLimit) {
    const labels = Math.ceil((elements - HEADER_ELEMENTS) / ELEMENTS_PER_OBJECT);
    throw new SlyconvError("labels-limit", `the file holds ${elements} XML elements, more than the objects of the labels limit have (${ELEMENTS_PER_OBJECT} for ` +
      `each of ${limit}, and ${HEADER_ELEMENTS} more: ${elementLimit}); if that is real, raise the limit with ${MAX_LABELS_ENV}=${labels}`, { file });
  }
}

/**
 * Parses one annotation file. Malformed XML is an error (file and line) and gives null; so does a root other than
 * `<annotation>`. Object-level problems are warnings and the rest of the file is kept.
 */
export function parseVocXml(text: string, file: string, report: FindingSink, counters: ParseCounters): VocXml | null {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  checkElementCounts(text, file);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    report.error("voc-xml-malformed", `malformed XML: ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col });
    return null;
  }
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (e) {
    // The validator passes some files the parser then refuses (elements nested deeper than its limit, entity
    // expansion beyond its limits): the same finding as malformed XML.
    report.error("voc-xml-malformed", `malformed XML: ${(e as Error).message}`, { file, line: 1 });
    return null;
  }
  const root = doc.annotation;
  if (!isNode(root)) {
    report.error("voc-xml-not-annotation", "not a VOC annotation: the root element is not <annotation>", { file, line: 1 });
    return null;
  }
  const lines = new LineIndex(text);
  const ctx = { text, lines, file, report, counters };
  const xml: VocXml = { file, header: {}, objects: [] };
  const filename = textOf(root.filename);
  if (filename) xml.filename = filename;
  for (const [k, v] of Object.entries(root)) {
    if (k === "filename" || k === "object") continue;
    if (k === "size") {
      const size = isNode(v) ? v : {};
      xml.sizeLine = childLine(text, lines, 0, "size");
      const width = parseVocNumber(textOf(size.width)), height = parseVocNumber(textOf(size.height));
      if (width && height && width > 0 && height > 0) xml.size = { width, height };
      const depth = textOf(size.depth);
      if (depth) xml.header.depth = depth;
      continue;
    }
    if (v === "" || (isNode(v) && !Object.keys(v).length)) continue;
    xml.header[k] = v;
  }
  const objects = (root.object as unknown[] | undefined) ?? [];
  objects.forEach((o, i) => xml.objects.push(readObject(o, i + 1, ctx)));
  return xml;
}

/**
 * One annotation file parsed by parseVocXmlFiles: the VocXml as JSON (parsed again by the caller: cheaper for both
 * threads than copying the objects, and what the parser keeps is strings, objects and arrays), and what parsing it
 * reported, in order.
 */
export type ParsedVocFile =
  | { json: string | null; findings: Finding[]; emptyElements: number }
  /** Reading or parsing it threw: the caller reads it again itself, to throw (or report) exactly as it would. */
  | { failed: true };

/** The limits a parse depends on, as the caller has them (a worker's environment is a copy made when it started). */
export interface XmlParseLimits { labels: number; fileBytes: number }

export const xmlParseLimits = (): XmlParseLimits => ({ labels: maxLabels(), fileBytes: maxFileBytes() });

/**
 * Reads and parses a batch of annotation files (a worker-pool task: the XML parse is most of a VOC conversion's
 * main-thread time otherwise). Findings are collected for the caller to report in file order; a file whose read or
 * parse throws is marked failed. When this thread's limits are not the caller's, every file is marked failed.
 */
export function parseVocXmlFiles(files: { file: string; shown: string }[], limits: XmlParseLimits): ParsedVocFile[] {
  if (limits.labels !== maxLabels() || limits.fileBytes !== maxFileBytes()) return files.map(() => ({ failed: true }));
  let findings: Finding[] = [];
  const sink: FindingSink = {
    error: (code: string, message: string, where: Location = {}) => void findings.push({ severity: "error", code, message, ...where }),
    warn: (code: string, message: string, where: Location = {}) => void findings.push({ severity: "warning", code, message, ...where }),
  };
  return files.map(({ file, shown }) => {
    findings = [];
    const counters: ParseCounters = { emptyElements: 0 };
    try {
      const xml = parseVocXml(readRegularFileSync(file, "utf8"), shown, sink, counters);
      return { json: xml && JSON.stringify(xml), findings, emptyElements: counters.emptyElements };
    } catch {
      return { failed: true };
    }
  });
}

export const parseVocXmlFilesTask = cpuTask(import.meta.url, "parseVocXmlFiles", parseVocXmlFiles);
