/**
 * An annotation row too long to parse cheaply: its image id and the vertices of its polygon segmentation read from
 * its bytes. JSON.parse takes several times a row's size (one of 106 MB, 13.3 million vertices, took 700 MB, and
 * the whole import 1.9 GB), so a row over OVERSIZED_ROW_BYTES whose vertices are past the limit is counted here and
 * never parsed: its image is refused for it (read.ts). Real annotations are a few KB.
 */
import { jsonNumber, readJsonNumber } from "../../src/io/json-bytes.js";

/** Rows longer than this are counted from their bytes first, and left by the parse thread to the reader. */
export const OVERSIZED_ROW_BYTES = 16 << 20;

const enum C { Tab = 0x09, Newline = 0x0a, Return = 0x0d, Space = 0x20, Quote = 0x22, Comma = 0x2c, Colon = 0x3a,
  OpenBracket = 0x5b, Backslash = 0x5c, CloseBracket = 0x5d, OpenBrace = 0x7b, CloseBrace = 0x7d }

function skipSpace(b: Uint8Array, i: number, end: number): number {
  while (i < end) {
    const c = b[i];
    if (c !== C.Space && c !== C.Newline && c !== C.Return && c !== C.Tab) break;
    i++;
  }
  return i;
}

/** The index after the string that opens at b[i] (a quote), or -1. */
function skipString(b: Uint8Array, i: number, end: number): number {
  for (i++; i < end; i++) {
    const c = b[i];
    if (c === C.Backslash) i++;
    else if (c === C.Quote) return i + 1;
  }
  return -1;
}

/** The index after the value at b[i], or -1: strings and nestings skipped whole, anything else up to its end. */
function skipValue(b: Uint8Array, i: number, end: number): number {
  if (b[i] === C.Quote) return skipString(b, i, end);
  let depth = 0;
  for (; i < end; i++) {
    const c = b[i];
    if (c === C.Quote) {
      i = skipString(b, i, end) - 1;
      if (i < 0) return -1;
    } else if (c === C.OpenBracket || c === C.OpenBrace) depth++;
    else if (c === C.CloseBracket || c === C.CloseBrace) {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && c === C.Comma) return i;
  }
  return depth === 0 ? i : -1;
}

const SEGMENTATION = Buffer.from('"segmentation"');
const IMAGE_ID = Buffer.from('"image_id"');

function isKey(b: Uint8Array, from: number, to: number, key: Buffer): boolean {
  if (to - from !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (b[from + k] !== key[k]) return false;
  return true;
}

/**
 * The numbers of the list at b[i] (a '['), counted by their commas, and the index after it; null when it holds
 * anything but numbers (a list, an object, a string). Commas, not numbers, are counted: a row this long is all
 * numbers, and one that is not is parsed instead.
 */
function numberList(b: Uint8Array, i: number, end: number): { numbers: number; next: number } | null {
  let numbers = 0, empty = true;
  for (i++; i < end; i++) {
    const c = b[i];
    if (c === C.CloseBracket) return { numbers: empty ? 0 : numbers + 1, next: i + 1 };
    if (c === C.Comma) numbers++;
    else if (c === C.OpenBracket || c === C.OpenBrace || c === C.Quote) return null;
    else if (c !== C.Space && c !== C.Newline && c !== C.Return && c !== C.Tab) empty = false;
  }
  return null;
}

/** The vertices a polygon part of `numbers` numbers gives (planAnnotation skips a part of fewer than 6, or an odd count). */
const partVertices = (numbers: number) => (numbers >= 6 && numbers % 2 === 0 ? numbers / 2 : 0);

/**
 * The vertices of the polygon segmentation at b[i] (a '['): a list of parts, or one flat list of numbers; null when
 * it is neither.
 */
function polygonVertices(b: Uint8Array, i: number, end: number): { vertices: number; next: number } | null {
  const first = skipSpace(b, i + 1, end);
  if (b[first] !== C.OpenBracket) {
    const flat = numberList(b, i, end);
    return flat && { vertices: partVertices(flat.numbers), next: flat.next };
  }
  let vertices = 0;
  i = first;
  for (;;) {
    if (b[i] !== C.OpenBracket) return null;
    const part = numberList(b, i, end);
    if (!part) return null;
    vertices += partVertices(part.numbers);
    i = skipSpace(b, part.next, end);
    if (b[i] === C.CloseBracket) return { vertices, next: i + 1 };
    if (b[i] !== C.Comma) return null;
    i = skipSpace(b, i + 1, end);
  }
}

/**
 * The image id (a number) and polygon vertices of the annotation object in b[from .. to), or null when it is not
 * such an object (it is then parsed as any row is). Of a key given twice the last counts, as in JSON.parse.
 */
export function rowVertices(b: Uint8Array, from: number, to: number): { imageId: number; vertices: number } | null {
  let i = skipSpace(b, from, to);
  if (b[i] !== C.OpenBrace) return null;
  let imageId: number | null = null, vertices: number | null = null;
  i = skipSpace(b, i + 1, to);
  if (b[i] === C.CloseBrace) return null;
  for (;;) {
    if (b[i] !== C.Quote) return null;
    const keyStart = i;
    i = skipString(b, i, to);
    if (i < 0) return null;
    const keyEnd = i;
    i = skipSpace(b, i, to);
    if (b[i] !== C.Colon) return null;
    i = skipSpace(b, i + 1, to);
    if (isKey(b, keyStart, keyEnd, IMAGE_ID)) {
      const next = readJsonNumber(b, i, to);
      if (next < 0) return null;
      imageId = jsonNumber[0];
      i = next;
    } else if (isKey(b, keyStart, keyEnd, SEGMENTATION) && b[i] === C.OpenBracket) {
      const seg = polygonVertices(b, i, to);
      if (!seg) return null;
      vertices = seg.vertices;
      i = seg.next;
    } else {
      if (isKey(b, keyStart, keyEnd, SEGMENTATION)) vertices = 0;
      i = skipValue(b, i, to);
      if (i < 0) return null;
    }
    i = skipSpace(b, i, to);
    if (b[i] === C.CloseBrace) break;
    if (b[i] !== C.Comma) return null;
    i = skipSpace(b, i + 1, to);
  }
  return imageId === null || vertices === null ? null : { imageId, vertices };
}
