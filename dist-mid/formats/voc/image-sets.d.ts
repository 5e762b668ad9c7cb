import type { Report } from "../../src/report.js";
export declare const UNLISTED_DATASET = "unlisted";
export declare const TRAINVAL = "trainval";
export interface SplitLists {
    /** folder → split → ids in file order. */
    folders: Map<string, Map<string, string[]>>;
}
export declare function readImageSets(vocDir: string, displayRoot: string, report: Report): Promise<SplitLists>;
export interface SplitPlan {
    /** Dataset names, in order (without `unlisted`). */
    splits: string[];
    /** split → ids in order. */
    members: Map<string, string[]>;
    /** id → split → folders that list it there. */
    folders: Map<string, Map<string, string[]>>;
    /** trainval equals train ∪ val everywhere and is rebuilt on export. */
    trainvalDerived: boolean;
}
export declare function planSplits(lists: SplitLists): SplitPlan;
/** The folders an image is listed in by default (see the top of this file). */
export declare function defaultFolders(hasMasks: boolean): string[];
/** The voc_image_sets tag value for an item, or undefined when its folders are the default ones. */
export declare function imageSetsTagValue(listedIn: string[], hasMasks: boolean): string | undefined;
/** Parses a voc_image_sets value (folder names, comma separated). */
export declare function parseImageSetsTag(value: unknown): string[] | undefined;
/** Presence of a class in an image, for per-class lists: 1 = a non-difficult object, 0 = only difficult ones. */
export type ClassPresence = Map<string, 0 | 1>;
/**
 * Collects list entries while items are written, then writes ImageSets: `<Folder>/<split>.txt`, Main's per-class
 * `<class>_<split>.txt` (VOC's " 1" / " 0" / "-1" column), and trainval = train ∪ val where both exist.
 */
export declare class SplitListWriter {
    private readonly entries;
    private readonly listed;
    add(split: string, id: string, folders: string[], classes: ClassPresence): void;
    /** `objectClasses`: every class written as an XML object, each gets its per-class lists (VOC lists all 20). */
    write(outDir: string, objectClasses: Iterable<string>, report: Report): Promise<void>;
}
