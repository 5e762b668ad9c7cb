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
