/**
 * VOC annotation XML text, tab-indented in the element order of the original VOC files, with the elements the VOC
 * devkit writes and its readers expect (torchvision's VOCDetection, py-faster-rcnn, Detectron2, mmdetection): every
 * object has name, pose, truncated, difficult and an integer bndbox. Anything else an object carries goes into
 * CVAT/Datumaro `<attributes>`, which those readers ignore and Datumaro and this tool read back.
 */
import type { VocBox, VocField } from "./xml-model.js";
import { VOC_OBJECT_FLAGS } from "./xml-model.js";

export interface VocObjectOut {
  name: string;
  /** Whole pixels (the writer rounds). */
  box: VocBox;
  /** VOC's own object elements (`pose`, `difficult`, `actions/jumping`, `point/x`); written as (nested) elements. */
  fields: VocField[];
  parts: { name: string; box: VocBox }[];
  /** Other fields: written as CVAT/Datumaro `<attributes>`. */
  attributes: VocField[];
}

export interface VocXmlOut {
  filename: string;
  size?: { width: number; height: number; depth: string };
  segmented: string;
  /** Image-level elements kept from the source (folder, source, owner, path, …), written in this order. */
  header: Record<string, unknown>;
  objects: VocObjectOut[];
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** True when every segment of a field path can be an element name (no spaces, no colon, not starting `xml`). */
export function isElementPath(name: string): boolean {
  return name.split("/").every((s) => XML_NAME.test(s) && !/^xml/i.test(s));
}

/** Object elements of the VOC devkit (VOC2007–2012: the flags, VOC2012's action labels and their reference point). */
export function isVocObjectElement(name: string): boolean {
  return (VOC_OBJECT_FLAGS as readonly string[]).includes(name) || /^(actions|point)\/[^/]+$/.test(name) && isElementPath(name);
}

/** What an object has when no tag says otherwise: the devkit writes all three on every object. */
export const VOC_FLAG_DEFAULTS: readonly VocField[] = [
  { name: "pose", value: "Unspecified" },
  { name: "truncated", value: "0" },
  { name: "difficult", value: "0" },
];

/** `<source>` for images that came from elsewhere (CVAT writes the same). */
const DEFAULT_SOURCE = { database: "Unknown" };

const XML_SPECIAL = /[&<>]/;

export function escapeXml(s: string): string {
  return XML_SPECIAL.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : s;
}

const num = (n: number) => String(n);

/** Indentation by depth (the deepest element is an attribute's name, at 4). */
const TABS = Array.from({ length: 16 }, (_, d) => "\t".repeat(d));
const tabs = (depth: number) => TABS[depth] ?? "\t".repeat(depth);

/** The file's text, a line at a time (one string grown as it goes: files are a few KB). */
class XmlText {
  private text = "";
  leaf(depth: number, name: string, text: string): void {
    this.text += `${tabs(depth)}<${name}>${escapeXml(text)}</${name}>\n`;
  }
  open(depth: number, name: string): void {
    this.text += `${tabs(depth)}<${name}>\n`;
  }
  close(depth: number, name: string): void {
    this.text += `${tabs(depth)}</${name}>\n`;
  }
  /** A kept value: text, a nested element (object) or repeated elements (array). */
  value(depth: number, name: string, v: unknown): void {
    if (!XML_NAME.test(name)) return; // kept meta edited by hand: never write a broken element
    if (Array.isArray(v)) for (const x of v) this.value(depth, name, x);
    else if (typeof v === "object" && v !== null) {
      this.open(depth, name);
      for (const [k, x] of Object.entries(v)) this.value(depth + 1, k, x);
      this.close(depth, name);
    } else if (v !== undefined && v !== null) this.leaf(depth, name, String(v));
  }
  box(depth: number, b: VocBox): void {
    const t = tabs(depth + 1);
    this.text += `${tabs(depth)}<bndbox>\n${t}<xmin>${num(b.xmin)}</xmin>\n${t}<ymin>${num(b.ymin)}</ymin>\n${t}<xmax>${num(b.xmax)}</xmax>\n${t}<ymax>${num(b.ymax)}</ymax>\n${tabs(depth)}</bndbox>\n`;
  }
  toString(): string {
    return this.text;
  }
}

type FieldTree = Map<string, (string | FieldTree)[]>;

/** Groups path-named fields into nested elements, each group where its first field was. */
function fieldTree(fields: readonly VocField[]): FieldTree {
  const root: FieldTree = new Map();
  for (const f of fields) {
    const segments = f.name.split("/");
    let node = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const list = node.get(segments[i]) ?? [];
      let child = list.find((x): x is FieldTree => typeof x !== "string");
      if (!child) {
        child = new Map();
        list.push(child);
        node.set(segments[i], list);
      }
      node = child;
    }
    const last = segments[segments.length - 1];
    node.set(last, [...(node.get(last) ?? []), f.value]);
  }
  return root;
}

function writeTree(x: XmlText, depth: number, tree: FieldTree): void {
  for (const [name, values] of tree) {
    for (const v of values) {
      if (typeof v === "string") x.leaf(depth, name, v);
      else {
        x.open(depth, name);
        writeTree(x, depth + 1, v);
        x.close(depth, name);
      }
    }
  }
}

/** Header keys this writer produces itself; kept values under these names are not written twice. */
const WRITTEN_HERE = new Set(["filename", "size", "segmented", "depth", "object", "source"]);

const FLAG_ORDER = new Map<string, number>(VOC_OBJECT_FLAGS.map((f, i) => [f, i]));

/**
 * The text writeVocXml wrote with another image file name in <filename> (merge gives an item the single run's id), or
 * undefined when the text has no such <filename> line.
 */
export function renameXmlImage(xml: string, from: string, to: string): string | undefined {
  const line = `\n\t<filename>${escapeXml(from)}</filename>\n`;
  const at = xml.indexOf(line);
  return at < 0 ? undefined : `${xml.slice(0, at)}\n\t<filename>${escapeXml(to)}</filename>\n${xml.slice(at + line.length)}`;
}

export function writeVocXml(a: VocXmlOut): string {
  const x = new XmlText();
  x.open(0, "annotation");
  const { folder, source, ...rest } = a.header;
  x.value(1, "folder", folder ?? "VOC");
  x.leaf(1, "filename", a.filename);
  x.value(1, "source", source ?? DEFAULT_SOURCE);
  for (const [k, v] of Object.entries(rest)) if (!WRITTEN_HERE.has(k)) x.value(1, k, v);
  if (a.size) {
    x.open(1, "size");
    x.leaf(2, "width", num(a.size.width));
    x.leaf(2, "height", num(a.size.height));
    x.leaf(2, "depth", a.size.depth);
    x.close(1, "size");
  }
  x.leaf(1, "segmented", a.segmented);
  for (const o of a.objects) {
    x.open(1, "object");
    x.leaf(2, "name", o.name);
    const given = o.fields.filter((f) => FLAG_ORDER.has(f.name));
    const flags = [...given, ...VOC_FLAG_DEFAULTS.filter((d) => !given.some((f) => f.name === d.name))]
      .sort((p, q) => FLAG_ORDER.get(p.name)! - FLAG_ORDER.get(q.name)!);
    for (const f of flags) x.leaf(2, f.name, f.value);
    x.box(2, o.box);
    writeTree(x, 2, fieldTree(o.fields.filter((f) => !FLAG_ORDER.has(f.name))));
    for (const p of o.parts) {
      x.open(2, "part");
      x.leaf(3, "name", p.name);
      x.box(3, p.box);
      x.close(2, "part");
    }
    if (o.attributes.length) {
      x.open(2, "attributes");
      for (const at of o.attributes) {
        x.open(3, "attribute");
        x.leaf(4, "name", at.name);
        x.leaf(4, "value", at.value);
        x.close(3, "attribute");
      }
      x.close(2, "attributes");
    }
    x.close(1, "object");
  }
  x.close(0, "annotation");
  return x.toString();
}
