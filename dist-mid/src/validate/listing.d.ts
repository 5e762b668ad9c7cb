import type { Finding } from "../report.js";
export interface DatasetDir {
    /** Absolute folder. */
    dir: string;
    /** Folder relative to the project root with forward slashes, e.g. `ds1/datasets/child`. */
    rel: string;
}
/** One item of a dataset: the file names (not paths) found for it in img/, ann/, img_info/ and meta/. */
export interface ItemEntry {
    name: string;
    image?: string;
    ann?: string;
    info?: string;
    meta?: string;
}
export interface DatasetListing {
    entries: ItemEntry[];
    /** Findings about the listing itself (duplicates, ambiguous names). */
    findings: Finding[];
}
export declare function compareNames(a: string, b: string): number;
/** A folder is a dataset when it has ann/ or img/ (as the reader decides). */
export declare function isDatasetDir(dir: string): Promise<boolean>;
/** Datasets of a project root, depth first, parents before their children, siblings by name. */
export declare function walkDatasetDirs(root: string): AsyncIterable<DatasetDir>;
/**
 * Pairs the files of one dataset by item name (spec §1.2): `ann/<image name>.json`, or the legacy `<stem>.json` when
 * exactly one image has that stem. Side files (img_info/, meta/) pair the same way. Anything not ending in `.json`
 * in ann/, img_info/ and meta/ (e.g. Windows `x.json:Zone.Identifier` streams) and non-image files in img/ are ignored.
 */
export declare function listDataset(ds: DatasetDir): Promise<DatasetListing>;
/** The file that best stands for an item in a finding: its annotation, else its image, else a side file. */
export declare function entryFile(ds: DatasetDir, e: ItemEntry): string;
