import type { Annotation } from "./annotation.js";
import type { ProjectMeta } from "./meta.js";
/** Where the pixels of an item come from. */
export type ImageSource = {
    kind: "file";
    path: string;
} | {
    kind: "link";
    url: string;
} | {
    kind: "bytes";
    data: Buffer;
};
/** One image of a dataset with its annotation. `name` is the image file name with its extension. */
export interface Item {
    name: string;
    /** Absent for annotation-only items. */
    image?: ImageSource;
    annotation: Annotation;
    /** `img_info/<name>.json` as read (server ImageInfo, or `{link}` for link items). */
    imageInfo?: Record<string, unknown>;
    /** `meta/<name>.json`: the image's free-form meta dict. */
    imageMeta?: Record<string, unknown>;
}
/**
 * Which items of a listing to read (a shard's, src/shard.ts): called with each item's name, once per item listed, in
 * the order the items would be yielded; the reader reads and yields only the items it returns true for.
 */
export type ItemSelector = (name: string) => boolean;
/**
 * A dataset's items: an array, or a function that streams them so that large inputs never sit in memory whole.
 * The function may be called more than once (validate, then write). A reader that can skip items without reading
 * them takes a selector; one that cannot ignores it (every item is then yielded, and the caller filters).
 */
export type ItemSource = Item[] | ((select?: ItemSelector) => AsyncIterable<Item>);
export interface Dataset {
    /** Short name (the folder name); nested datasets live in `datasets`. */
    name: string;
    items: ItemSource;
    /** How many items a streamed `items` will yield, when the reader knows it up front (progress bars show it). */
    itemCount?: number;
    datasets: Dataset[];
}
export interface Project {
    meta: ProjectMeta;
    datasets: Dataset[];
    /** Project-level JSON side files kept verbatim (e.g. `coco_info.json`), by file name. */
    sideFiles?: Record<string, unknown>;
}
export declare function iterateItems(source: ItemSource): AsyncIterable<Item>;
/** Depth-first walk over datasets with their slash-joined full names (`parent/child`, spec §1.3). */
export declare function walkDatasets(datasets: Dataset[], parents?: string[]): Iterable<{
    dataset: Dataset;
    path: string[];
}>;
/** Items of the whole project when every dataset knows its count (an array, or `itemCount`), else undefined. */
export declare function knownItemCount(project: Project): number | undefined;
/** Reads every streamed dataset into arrays (for tests and small projects). */
export declare function materializeProject(project: Project): Promise<Project>;
