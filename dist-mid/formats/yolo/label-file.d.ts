import { type LineParseOptions, type YoloRecord } from "./lines.js";
/**
 * The records of one label file: read whole when small (with synchronous calls: a dataset is thousands of files of a
 * few hundred bytes), else line by line, stopping past the labels limit.
 */
export declare function readLabelFile(file: string, display: string, opts: LineParseOptions): Promise<YoloRecord[]>;
/** The largest class id the lines of a label file start with (-1 when none), in bounded memory. */
export declare function maxClassIdOf(file: string, display: string): Promise<number>;
