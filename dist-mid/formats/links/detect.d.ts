import type { DetectResult } from "../../src/format.js";
export declare const LIST_EXTENSIONS: string[];
/** Is this file a link list (by extension and by its first line)? */
export declare function isLinkListFile(file: string): Promise<boolean>;
/**
 * The list file of an input: the input itself, or the only .csv/.tsv/.txt file of a folder when that one is a
 * link list (as Supervisely's CSV importer wants exactly one).
 */
export declare function findLinkList(input: string): Promise<string | null>;
export declare function detectLinks(input: string): Promise<DetectResult>;
