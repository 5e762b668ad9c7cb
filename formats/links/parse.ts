/**
 * Link list files: `.txt` (one URL per line, blank lines and `#` comments skipped) and `.csv`/`.tsv` with a `url`
 * column and optional `name`, `tag` and `dataset` columns (RFC 4180 quoting; other columns are kept as image meta).
 *
 * The column delimiter is the one that makes the header hold a `url` column (`,`, `;` or tab); files with no header
 * start with a URL and hold `url[,tag]`. Tags in a cell are separated by `;`, and also by `,` when the columns are
 * not comma-separated (Supervisely's CSV importer wants `;` columns and `,` tags; the app's own example file uses
 * `,` columns and `;` tags). Empty tags (a trailing `;`) are dropped.
 */
import type { Location } from "../../src/errors.js";

export interface LinkRow {
  /** 1-based line where the record starts. */
  line: number;
  url: string;
  name?: string;
  tags: string[];
  dataset?: string;
  /** Other columns, by header name. */
  extra?: Record<string, string>;
}

export interface LinkList {
  kind: "txt" | "csv";
  delimiter?: string;
  /** Normalised column roles in file order (csv only). */
  columns?: string[];
  rows: LinkRow[];
}

export interface ListProblem extends Location {
  code: string;
  message: string;
}

export const URL_SCHEMES = ["http:", "https:", "s3:"] as const;
const SCHEME_START = /^(https?|s3):\/\//i;

const COLUMN_ALIASES: Record<string, string> = {
  url: "url", link: "url", image_url: "url", item_link: "url", uri: "url",
  name: "name", image_name: "name", item_name: "name", file_name: "name", filename: "name",
  tag: "tag", tags: "tag",
  dataset: "dataset",
};

export function columnRole(header: string): string | undefined {
  return COLUMN_ALIASES[header.trim().toLowerCase()];
}

/** A record's fields and the line it starts on. */
interface Record_ { line: number; fields: string[] }

/** RFC 4180 records: quoted fields may hold delimiters, quotes ("") and line breaks. */
export function csvRecords(text: string, delimiter: string): Record_[] {
  const out: Record_[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1, recordLine = 1;
  let i = 0;
  let quoted = false;
  const endField = () => {
    fields.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    // A line with nothing on it is not a record.
    if (!(fields.length === 1 && fields[0] === "")) out.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\n") line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
      i++;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      if (ch === "\r" && text[i + 1] === "\n") i++;
      i++;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== "" || fields.length) endRecord();
  return out;
}

function splitTags(cell: string | undefined, delimiter: string): string[] {
  if (!cell) return [];
  const sep = delimiter === "," ? /;/ : /[;,]/;
  const tags: string[] = [];
  for (const t of cell.split(sep).map((s) => s.trim())) if (t && !tags.includes(t)) tags.push(t);
  return tags;
}

function firstLine(text: string): string {
  for (const l of text.split(/\r?\n/)) if (l.trim()) return l;
  return "";
}

/** Picks the delimiter that turns the header into columns with a `url` one. */
function pickDelimiter(header: string, preferred: string): { delimiter: string; hasHeader: boolean } {
  if (SCHEME_START.test(header.trim())) {
    const delimiter = header.includes("\t") ? "\t" : preferred === "\t" ? "\t" : header.includes(",") ? "," : header.includes(";") ? ";" : preferred;
    return { delimiter, hasHeader: false };
  }
  for (const d of [preferred, ",", ";", "\t"]) {
    const cols = csvRecords(header, d)[0]?.fields ?? [];
    if (cols.some((c) => columnRole(c) === "url")) return { delimiter: d, hasHeader: true };
  }
  return { delimiter: preferred, hasHeader: true };
}

export function parseCsvList(text: string, ext: string, problems: ListProblem[]): LinkList {
  const body = text.replace(/^\uFEFF/, "");
  const { delimiter, hasHeader } = pickDelimiter(firstLine(body), ext === ".tsv" ? "\t" : ",");
  const records = csvRecords(body, delimiter);
  let columns: string[];
  let headerNames: string[];
  let dataRecords = records;
  if (hasHeader) {
    const header = records[0];
    headerNames = (header?.fields ?? []).map((h) => h.trim());
    columns = headerNames.map((h) => columnRole(h) ?? `extra:${h}`);
    dataRecords = records.slice(1);
    if (!columns.includes("url")) {
      problems.push({
        code: "links-no-url-column",
        message: `no url column in the header (found ${headerNames.map((h) => JSON.stringify(h)).join(", ") || "nothing"}); expected url, name and tag`,
        line: header?.line ?? 1,
      });
      return { kind: "csv", delimiter, columns, rows: [] };
    }
    const seen = new Set<string>();
    for (const c of columns) {
      if (!c.startsWith("extra:") && seen.has(c)) problems.push({ code: "links-duplicate-column", message: `the header has two ${c} columns; the first one is used`, line: header.line });
      seen.add(c);
    }
  } else {
    columns = ["url", "tag"];
    headerNames = ["url", "tag"];
  }
  const rows: LinkRow[] = [];
  for (const r of dataRecords) {
    if (r.fields.every((f) => f.trim() === "")) continue;
    if (!hasHeader && r.fields[0].trim().startsWith("#")) continue;
    const row: LinkRow = { line: r.line, url: "", tags: [] };
    const used = new Set<string>();
    r.fields.forEach((value, i) => {
      const role = columns[i];
      if (role === undefined) {
        if (value.trim()) problems.push({ code: "links-extra-field", message: `field ${i + 1} has no column in the header; ignored`, line: r.line });
        return;
      }
      if (used.has(role)) return;
      used.add(role);
      if (role === "url") row.url = value.trim();
      else if (role === "name") row.name = value.trim() || undefined;
      else if (role === "tag") row.tags = splitTags(value, delimiter);
      else if (role === "dataset") row.dataset = value.trim() || undefined;
      else if (value !== "") (row.extra ??= {})[role.slice("extra:".length)] = value;
    });
    rows.push(row);
  }
  return { kind: "csv", delimiter, columns, rows };
}

export function parseTxtList(text: string): LinkList {
  const rows: LinkRow[] = [];
  text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/).forEach((raw, i) => {
    const t = raw.trim();
    if (!t || t.startsWith("#")) return;
    rows.push({ line: i + 1, url: t, tags: [] });
  });
  return { kind: "txt", rows };
}

export function parseLinkList(text: string, ext: string, problems: ListProblem[]): LinkList {
  return ext === ".txt" ? parseTxtList(text) : parseCsvList(text, ext, problems);
}

/** Why a URL cannot be a link item, or null when it is fine. */
export function urlProblem(url: string): string | null {
  if (!url) return "the URL is empty";
  if (/[\u0000-\u001f\u007f]/.test(url)) return "it contains a control character";
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "it is not an absolute URL";
  }
  if (!(URL_SCHEMES as readonly string[]).includes(u.protocol)) return `the scheme ${JSON.stringify(u.protocol.slice(0, -1))} is not supported (http, https and s3 are)`;
  if (!u.hostname) return u.protocol === "s3:" ? "it names no bucket" : "it names no host";
  if (u.protocol === "s3:" && (u.pathname === "" || u.pathname === "/")) return "it names no object key";
  return null;
}

/** Does a text start like a link list (a url header, or a URL on its first content line)? */
export function looksLikeLinkList(head: string, ext: string): boolean {
  const lines = head.replace(/^\uFEFF/, "").split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  if (!lines.length) return false;
  if (SCHEME_START.test(lines[0])) return true;
  if (ext === ".txt") return false;
  return pickDelimiter(lines[0], ext === ".tsv" ? "\t" : ",").hasHeader && ["\t", ",", ";"].some((d) => (csvRecords(lines[0], d)[0]?.fields ?? []).some((c) => columnRole(c) === "url"));
}
