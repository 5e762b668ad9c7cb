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
export interface KeypointShape {
    count: number;
    dims: 2 | 3;
}
export type YoloRecord = {
    kind: "box";
    cls: number;
    line: number;
    xc: number;
    yc: number;
    w: number;
    h: number;
} | {
    kind: "polygon";
    cls: number;
    line: number;
    coords: number[];
} | {
    kind: "obb";
    cls: number;
    line: number;
    coords: number[];
} | {
    kind: "pose";
    cls: number;
    line: number;
    xc: number;
    yc: number;
    w: number;
    h: number;
    keypoints: number[];
};
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
export declare class YoloLineError extends SlyconvError {
    constructor(message: string, file: string, line: number);
}
/**
 * The message of a label file holding more labels than one image may have (src/limits.ts): 5 million lines
 * (90 MB) took 8 GB, and made an annotation file too large to read back. `labels` is the count, or a lower bound
 * with `estimate` (a file streamed and refused once over the limit: its size tells about how many it holds).
 */
export declare function labelsLimitError(file: string, labels: number, limit: number, estimate?: {
    total: number;
    megabytes: number;
    line: number;
}): SlyconvError;
/**
 * Label lines parsed one at a time, as a file is streamed (label-file.ts) or split (parseLabelText). CRLF, a BOM,
 * blank lines and surrounding spaces are accepted.
 */
export declare class LabelLineParser {
    private readonly file;
    private readonly opts;
    readonly records: YoloRecord[];
    /** Lines that hold a label (not blank), bad ones included. */
    labels: number;
    readonly limit: number;
    constructor(file: string, opts: LineParseOptions);
    /** One line, without its "\n"; false (the line not read) once the file holds more labels than the limit. */
    add(text: string, line: number): boolean;
}
/** Parses a label file's text (see LabelLineParser); the labels limit is checked before the lines are split. */
export declare function parseLabelText(text: string, file: string, opts: LineParseOptions): YoloRecord[];
/**
 * The records holding a coordinate above 1 (pixels written where fractions belong, a common mistake of hand-made
 * converters): how many, and the first one's line and value. Keypoint visibility flags (0, 1, 2) are not
 * coordinates.
 */
export declare function recordsNotNormalised(records: readonly YoloRecord[], keypointDims?: number): {
    count: number;
    line: number;
    value: number;
} | null;
/** Six decimals, without a "-0.000000". */
export declare function fmt6(v: number): string;
/**
 * A label file's text as UTF-8 bytes, line by line, made without a string per number or per line: a detect export
 * writes one box line per object, four fmt6 numbers each. Same bytes as the lines joined by "\n" plus a final "\n".
 */
export declare class LabelFileBytes {
    private buf;
    private pos;
    reset(): void;
    /** The bytes written since reset (a view: valid until the next write or reset). */
    view(): Buffer;
    private room;
    /** One line given as text. */
    text(line: string): void;
    /** A detect line: the box's centre and size as fractions of the W × H image (the line from-model's boxLine gives). */
    box(idx: number, b: {
        left: number;
        top: number;
        right: number;
        bottom: number;
    }, W: number, H: number): void;
    /** `idx v1 v2 v3 v4` with each value as fmt6 writes it: the same line as `${idx} ${fmt6(v1)} …`. */
    numbers(idx: number, v1: number, v2: number, v3: number, v4: number): void;
}
