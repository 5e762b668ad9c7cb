import type { Project } from "../../src/model/index.js";
import type { FormatContext } from "../../src/format.js";
/** One entry of a dataset listing: the item name and the files that belong to it. */
export interface DatasetEntry {
    name: string;
    imageFile?: string;
    annFile?: string;
    /** Other annotation files of the item (a legacy `<stem>.json` beside `<image name>.json`): reported, not read. */
    ignoredAnnFiles?: string[];
    infoFile?: string;
    metaFile?: string;
}
/**
 * Pairs img/, ann/, img_info/ and meta/ files by item name. Annotation names are `<image name>.json`, or the legacy
 * `<stem>.json` (spec §1.2). Files that are not JSON (e.g. Windows `:Zone.Identifier` streams) are ignored.
 */
export declare function listDatasetEntries(dsDir: string): Promise<DatasetEntry[]>;
export interface SuperviselyReadOptions {
    /** Report and skip unreadable annotations instead of stopping (validate uses its own path). */
    lenient?: boolean;
}
/** Reads a Supervisely project folder. Items stream from disk when iterated. */
export declare function readSuperviselyProject(input: string, ctx?: FormatContext): Promise<Project>;
