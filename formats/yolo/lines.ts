/**
 * YOLO label lines: one object per line, a class index and normalised coordinates separated by whitespace.
 *
 *   box      `c xc yc w h`                              5 values
 *   polygon  `c x1 y1 … xn yn`                          1 + 2n values, n ≥ 3
 *   OBB      `c x1 y1 x2 y2 x3 y3 x4 y4`                9 values, read as OBB only when asked (else a 4-point polygon)
 *   pose     `c xc yc w h px1 py1 [v1] … pxK pyK [vK]`  5 + K·D values, when data.yaml has kpt_shape [K, D]
 *
 * Parsing is strict: a bad line stops the import with its file and line number, because a silently skipped object
 * is worse than a clear message.
 */
import { SlyconvError } from "../../src/errors.js";
import { grownBuffer } from "../../src/io/canonical-json.js";
import { maxLabels, MAX_LABELS_ENV } from "../../src/limits.js";

export interface KeypointShape { count: number; dims: 2 | 3 }

export type YoloRecord =
  | { kind: "box"; cls: number; line: number; xc: number; yc: number; w: number; h: number }
  | { kind: "polygon"; cls: number; line: number; coords: number[] }
  | { kind: "obb"; cls: number; line: number; coords: number[] }
  | { kind: "pose"; cls: number; line: number; xc: number; yc: number; w: number; h: number; keypoints: number[] };

export interface LineParseOptions {
  classCount: number;
  keypoints?: KeypointShape;
  /** Read 9-value lines as oriented boxes. */
  obb: boolean;
  /**
   * Skip a bad line instead of failing the file (Ultralytics' behaviour); each skipped line is passed to
   * `onBadLine` when given.
   */
  skipBadLines?: boolean;
  onBadLine?: (error: YoloLineError) => void;
}

/** A plain decimal number (no hex, no Infinity, no empty string: `Number()` would accept those). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Largest magnitude a normalised value may have (anything near it is garbage, but stays finite in pixels). */
const MAX_VALUE = 1e9;
/** Class indices are integers; some tools write them as floats ("3.0"). */
const CLASS_ID = /^\d+(?:\.0*)?$/;

export class YoloLineError extends SlyconvError {
  constructor(message: string, file: string, line: number) {
    super("yolo-label", message, { file, line });
  }
}

/**
 * The message of a label file holding more labels than one image may have (src/limits.ts): 5 million lines
 * (90 MB) took 8 GB, and made an annotation file too large to read back. `labels` is the count, or a lower bound
 * with `estimate` (a file streamed and refused once over the limit: its size tells about how many it holds).
 */
export function labelsLimitError(file: string, labels: number, limit: number, estimate?: { total: number; megabytes: number; line: number }): SlyconvError {
  const raiseTo = estimate ? estimate.total : labels;
  const holds = estimate
    ? `the file holds more than ${limit} labels, the limit per image (reading stopped at line ${estimate.line}; at its size, ${estimate.megabytes} MB, it holds about ${estimate.total})`
    : `the file holds ${labels} labels, more than the limit of ${limit} per image`;
  return new SlyconvError("labels-limit", `${holds}; if that is real, raise it with ${MAX_LABELS_ENV}=${raiseTo}`, { file });
}

/** A label file's text of more lines than the labels limit is refused before its lines are split. */
function checkLineCount(text: string, file: string): void {
  const limit = maxLabels();
  if (text.length < limit * 2) return; // a label takes two characters at least ("0\n")
  let labels = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (/\S/.test(text.slice(start, end))) labels++;
    start = end + 1;
  }
  if (labels > limit) throw labelsLimitError(file, labels, limit);
}

/**
 * Label lines parsed one at a time, as a file is streamed (label-file.ts) or split (parseLabelText). CRLF, a BOM,
 * blank lines and surrounding spaces are accepted.
 */
export class LabelLineParser {
  readonly records: YoloRecord[] = [];
  /** Lines that hold a label (not blank), bad ones included. */
  labels = 0;
  readonly limit = maxLabels();

  constructor(private readonly file: string, private readonly opts: LineParseOptions) {}

  /** One line, without its "\n"; false (the line not read) once the file holds more labels than the limit. */
  add(text: string, line: number): boolean {
    const raw = (line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trim();
    if (!raw) return true;
    if (++this.labels > this.limit) return false;
    if (!this.opts.skipBadLines) {
      this.records.push(parseLine(raw, this.file, line, this.opts));
      return true;
    }
    try {
      this.records.push(parseLine(raw, this.file, line, this.opts));
    } catch (e) {
      if (!(e instanceof YoloLineError)) throw e;
      this.opts.onBadLine?.(e);
    }
    return true;
  }
}

function describeCounts(opts: LineParseOptions): string {
  if (opts.keypoints) return `5 + ${opts.keypoints.count}×${opts.keypoints.dims} = ${5 + opts.keypoints.count * opts.keypoints.dims} (kpt_shape [${opts.keypoints.count}, ${opts.keypoints.dims}])`;
  return "5 (a box) or an odd number ≥ 7 (a polygon of 3 or more points)";
}

/** Parses a label file's text (see LabelLineParser); the labels limit is checked before the lines are split. */
export function parseLabelText(text: string, file: string, opts: LineParseOptions): YoloRecord[] {
  checkLineCount(text, file);
  const parser = new LabelLineParser(file, opts);
  let line = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    parser.add(text.slice(start, end), ++line);
    start = end + 1;
  }
  return parser.records;
}

function parseLine(raw: string, file: string, line: number, opts: LineParseOptions): YoloRecord {
  const tokens = raw.split(/\s+/);
  const clsTok = tokens[0];
  if (!CLASS_ID.test(clsTok)) {
    throw new YoloLineError(NUMBER.test(clsTok) ? `class id ${clsTok} is not a non-negative integer` : `class id ${JSON.stringify(clsTok)} is not a number`, file, line);
  }
  const cls = Number.parseInt(clsTok, 10);
  if (cls >= opts.classCount) {
    throw new YoloLineError(`class id ${cls} is not in names (${opts.classCount === 0 ? "no classes are defined" : `0..${opts.classCount - 1}`})`, file, line);
  }
  const values = new Array<number>(tokens.length - 1);
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (!NUMBER.test(t)) throw new YoloLineError(`value ${k + 1} (${JSON.stringify(t)}) is not a number`, file, line);
    const v = Number(t);
    // Normalised values are near 0..1; far beyond, times the image size, they would overflow to Infinity.
    if (!(Math.abs(v) <= MAX_VALUE)) throw new YoloLineError(`value ${k + 1} (${t}) is out of range (normalised values are expected between 0 and 1)`, file, line);
    values[k - 1] = v;
  }
  const n = tokens.length;
  if (opts.keypoints) {
    const expected = 5 + opts.keypoints.count * opts.keypoints.dims;
    if (n !== expected) throw new YoloLineError(`expected ${describeCounts(opts)} values, found ${n}`, file, line);
    return { kind: "pose", cls, line, xc: values[0], yc: values[1], w: values[2], h: values[3], keypoints: values.slice(4) };
  }
  if (n === 5) return { kind: "box", cls, line, xc: values[0], yc: values[1], w: values[2], h: values[3] };
  if (n === 9 && opts.obb) return { kind: "obb", cls, line, coords: values };
  if (n >= 7 && n % 2 === 1) return { kind: "polygon", cls, line, coords: values };
  throw new YoloLineError(`expected ${describeCounts(opts)} values, found ${n}`, file, line);
}

/**
 * Above this, a coordinate is not a fraction of the image: YOLO values are 0..1, and tools that round write at most
 * a few millionths over.
 */
const NORMALISED_MAX = 1.0001;

/**
 * The records holding a coordinate above 1 (pixels written where fractions belong, a common mistake of hand-made
 * converters): how many, and the first one's line and value. Keypoint visibility flags (0, 1, 2) are not
 * coordinates.
 */
export function recordsNotNormalised(records: readonly YoloRecord[], keypointDims = 2): { count: number; line: number; value: number } | null {
  let count = 0, line = 0, value = 0;
  for (const r of records) {
    const coords = r.kind === "box" ? [r.xc, r.yc, r.w, r.h]
      : r.kind === "pose" ? [r.xc, r.yc, r.w, r.h, ...r.keypoints.filter((_, i) => i % keypointDims < 2)]
      : r.coords;
    const over = coords.find((v) => v > NORMALISED_MAX);
    if (over === undefined) continue;
    if (count++ === 0) ({ line, value } = { line: r.line, value: over });
  }
  return count ? { count, line, value } : null;
}

/** Six decimals, without a "-0.000000". */
export function fmt6(v: number): string {
  const s = v.toFixed(6);
  return s === "-0.000000" ? "0.000000" : s;
}

const enum Byte { Newline = 0x0a, Space = 0x20, Minus = 0x2d, Dot = 0x2e, Zero = 0x30 }
const HALF_ULP = 2 ** -52;

/**
 * Writes fmt6(v) at p (room for 32 bytes ensured) and returns the position after it. The text is made from
 * k = Math.round(|v| × 10⁶) whenever that is toFixed's own choice: the product is off the exact one by at most half
 * an ulp, so only a product that close to a half can round otherwise (those, and the numbers toFixed writes with an
 * exponent or as NaN, go through fmt6 itself).
 */
function writeFixed6(b: Buffer, p: number, v: number): number {
  const a = v < 0 ? -v : v;
  if (a < 1e9) {
    const y = a * 1e6;
    const k = Math.round(y);
    const fromHalf = y - Math.floor(y) - 0.5, tolerance = y * HALF_ULP + 1e-9;
    if (fromHalf > tolerance || fromHalf < -tolerance) {
      if (v < 0 && k !== 0) b[p++] = Byte.Minus;
      const whole = Math.floor(k / 1e6);
      let frac = k - whole * 1e6;
      if (whole < 10) b[p++] = Byte.Zero + whole;
      else {
        let digits = 1;
        for (let t = whole; t >= 10; t = Math.floor(t / 10)) digits++;
        for (let i = digits - 1, t = whole; i >= 0; i--, t = Math.floor(t / 10)) b[p + i] = Byte.Zero + (t % 10);
        p += digits;
      }
      b[p++] = Byte.Dot;
      for (let i = 5; i >= 0; i--) {
        const d = frac % 10;
        b[p + i] = Byte.Zero + d;
        frac = (frac - d) / 10;
      }
      return p + 6;
    }
  }
  const s = fmt6(v);
  for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
  return p;
}

/**
 * A label file's text as UTF-8 bytes, line by line, made without a string per number or per line: a detect export
 * writes one box line per object, four fmt6 numbers each. Same bytes as the lines joined by "\n" plus a final "\n".
 */
export class LabelFileBytes {
  private buf: Buffer = Buffer.allocUnsafe(16 * 1024);
  private pos = 0;

  reset(): void {
    this.pos = 0;
  }

  /** The bytes written since reset (a view: valid until the next write or reset). */
  view(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  private room(n: number): Buffer {
    if (this.pos + n > this.buf.length) this.buf = grownBuffer(this.buf, this.pos, n);
    return this.buf;
  }

  /** One line given as text. */
  text(line: string): void {
    const b = this.room(3 * line.length + 1);
    this.pos += b.write(line, this.pos, "utf8");
    b[this.pos++] = Byte.Newline;
  }

  /** A detect line: the box's centre and size as fractions of the W × H image (the line from-model's boxLine gives). */
  box(idx: number, b: { left: number; top: number; right: number; bottom: number }, W: number, H: number): void {
    this.numbers(idx, (b.left + b.right) / 2 / W, (b.top + b.bottom) / 2 / H, (b.right - b.left) / W, (b.bottom - b.top) / H);
  }

  /** `idx v1 v2 v3 v4` with each value as fmt6 writes it: the same line as `${idx} ${fmt6(v1)} …`. */
  numbers(idx: number, v1: number, v2: number, v3: number, v4: number): void {
    const b = this.room(4 * 33 + 24);
    let p = this.pos;
    const head = String(idx);
    for (let i = 0; i < head.length; i++) b[p++] = head.charCodeAt(i);
    b[p++] = Byte.Space;
    p = writeFixed6(b, p, v1);
    b[p++] = Byte.Space;
    p = writeFixed6(b, p, v2);
    b[p++] = Byte.Space;
    p = writeFixed6(b, p, v3);
    b[p++] = Byte.Space;
    p = writeFixed6(b, p, v4);
    b[p++] = Byte.Newline;
    this.pos = p;
  }
}
