import type { Finding } from "../report.js";
import { type MetaIndex } from "./meta-checks.js";
import type { DatasetDir, ItemEntry } from "./listing.js";
/**
 * The stored width × height of an image, from its header (PNG, JPEG, GIF, BMP, WebP read directly; anything else
 * through sharp). Null when unreadable.
 */
export declare function realImageSize(file: string): Promise<{
    width: number;
    height: number;
} | null>;
/**
 * Reads and parses a JSON file; a syntax or read error becomes a finding and the file counts as not read. An
 * annotation file is not parsed when its bytes hold more labels or vertices than the limits allow (parsing it alone
 * could take gigabytes): that is a file-unreadable finding too.
 */
export declare function readJsonForCheck(absolute: string, rel: string, out: Finding[], annotation?: boolean): Promise<unknown>;
export declare const wasRead: (v: unknown) => boolean;
export interface ItemContext {
    ds: DatasetDir;
    meta: MetaIndex | undefined;
    /** Whether any item of the dataset has an image file: if none does, the dataset is annotation-only. */
    datasetHasImageFiles: boolean;
    /** Whether any has an image file the SDK lists: the SDK then takes the dataset's items from img/ only. */
    datasetHasSdkImages: boolean;
}
export interface ItemResult {
    findings: Finding[];
    /** The item has an annotation but neither an image file nor a link. */
    imageless: boolean;
}
/** Every check of one item: its annotation, side files, image file and how they agree. */
export declare function checkItem(e: ItemEntry, ctx: ItemContext): Promise<ItemResult>;
