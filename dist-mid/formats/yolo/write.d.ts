import type { Project } from "../../src/model/index.js";
import type { FormatContext, FormatOptions } from "../../src/format.js";
import { type YoloTask } from "./options.js";
import type { CornerOrder } from "./obb.js";
export type ImageMode = "copy" | "hardlink" | "symlink" | "none";
export interface YoloWriteOptions {
    task?: YoloTask;
    splitTag?: string;
    obbOrder?: CornerOrder;
    images?: ImageMode;
    /** Keep classes such as `_background_` in `names` (left out by default: no object is of them). */
    keepPlaceholderClasses?: boolean;
}
export declare function yoloWriteOptions(o: FormatOptions): YoloWriteOptions;
/**
 * Label files (a few hundred bytes each) are created here with synchronous calls, and from a file-writer thread only
 * when the first ones show a slow file system (FileCreationProbe, src/io/file-writer.ts).
 */
type SplitKey = "train" | "val" | "test";
/**
 * data.yaml key of a split folder: the first word of its name (letters only, so `val2017` is `val`, `test-dev` is
 * `test`, `instances_val2017` is `val`) that names a split; a name with none (`default`, `unlisted`) trains.
 */
export declare function splitKeyOf(name: string): {
    key: SplitKey;
    named: boolean;
};
/** One item of a YOLO shard (sidecar yolo.ndjson): position, folder under images/ and labels/, the prefix a renamed item gets, its name, the name written. */
export type YoloShardLine = [position: number, folder: string, prefix: string, name: string, written: string];
/** The name an item gets in a folder whose items so far have `stems` (lower case, `folder/stem`): its own, or one with a prefix. */
export declare function yoloFileName(stems: Set<string>, folder: string, prefix: string, name: string): string;
export declare function writeYolo(project: Project, outDir: string, options: YoloWriteOptions, ctx: FormatContext): Promise<{
    items: number;
}>;
/** The first lines of data.yaml: train, val and test with their folders (what merge writes again for all shards). */
export declare function splitEntries(splits: string[]): [string, unknown][];
/** YAML text of the given top-level entries, written as data.yaml is. */
export declare function yamlText(entries: [string, unknown][]): string;
export {};
