import type { DetectResult } from "../../src/format.js";
/**
 * A JSON file (or a folder with one at its top, in annotations/ or in a split folder) that opens with a top-level
 * object holding COCO's `images` / `annotations` / `categories` lists. Only the first 64 KB of each file are read.
 */
export declare function detectCoco(input: string): Promise<DetectResult>;
