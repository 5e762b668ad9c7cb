/**
 * Independent readers for comparing VOC folders in tests: objects straight from the XML (fast-xml-parser, no adapter
 * code), masks through pngjs.
 */
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { decodePng } from "../../src/codecs/png-decode.js";

const parser = new XMLParser({ parseTagValue: false, isArray: (n) => n === "object" || n === "part" || n === "attribute" });

export interface PlainObject { name: string; box: number[]; fields: string[]; parts: string[] }

const norm = (v: string) => (/^-?\d+(\.\d+)?$/.test(v) ? String(Number(v)) : v);

function flatten(prefix: string, v: unknown, out: string[]): void {
  if (v === "" || v === undefined) return;
  if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) flatten(prefix ? `${prefix}/${k}` : k, x, out);
  else out.push(`${prefix}=${norm(String(v))}`);
}

/** Objects of a VOC XML file: name, box numbers, sorted "path=value" fields (CVAT attributes by their names), parts. */
export function xmlObjects(file: string): PlainObject[] {
  const doc = parser.parse(fs.readFileSync(file, "utf8"));
  return ((doc.annotation.object ?? []) as Record<string, any>[]).map((o) => {
    const fields: string[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (k === "name" || k === "bndbox" || k === "part") continue;
      if (k === "attributes") for (const a of v.attribute ?? []) fields.push(`${a.name}=${norm(String(a.value))}`);
      else flatten(k, v, fields);
    }
    const box = (b: any) => (b ? ["xmin", "ymin", "xmax", "ymax"].map((c) => Number(b[c])) : []);
    return { name: o.name, box: box(o.bndbox), fields: fields.sort(), parts: (o.part ?? []).map((p: any) => `${p.name}:${box(p.bndbox).join(",")}`) };
  });
}

/**
 * The objects a VOC export of `source` must have: each box rounded to whole pixels (halves up) and pose, truncated
 * and difficult present (Unspecified, 0, 0 where the source had none), as the VOC devkit writes them.
 */
export function asDevkitWrites(objects: PlainObject[]): PlainObject[] {
  const round = (box: number[]) => box.map((v) => Math.round(v));
  return objects.map((o) => {
    const fields = [...o.fields];
    for (const [k, v] of [["pose", "Unspecified"], ["truncated", "0"], ["difficult", "0"]]) if (!fields.some((f) => f.startsWith(`${k}=`))) fields.push(`${k}=${v}`);
    return { ...o, box: round(o.box), fields: fields.sort(), parts: o.parts.map((p) => { const [n, b] = p.split(":"); return `${n}:${round(b.split(",").map(Number)).join(",")}`; }) };
  });
}

export function xmlSize(file: string): { width: number; height: number } {
  const s = parser.parse(fs.readFileSync(file, "utf8")).annotation.size;
  return { width: Number(s.width), height: Number(s.height) };
}

/** RGBA pixels and palette of a PNG (pngjs), for pixel-identity checks. */
export function pngPixels(file: string): { width: number; height: number; rgba: Buffer; palette?: number[][] } {
  const d = decodePng(fs.readFileSync(file));
  return { width: d.width, height: d.height, rgba: Buffer.from(d.rgba), palette: d.palette };
}

export function listIds(file: string): string[] {
  return fs.readFileSync(file, "utf8").split(/\r?\n/).filter(Boolean);
}

export function filesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

export const join = path.join;
