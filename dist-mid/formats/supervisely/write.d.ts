import type { Project } from "../../src/model/index.js";
import type { FormatContext } from "../../src/format.js";
import { type ImageMode } from "../../src/supervisely/layout.js";
export interface SuperviselyWriteOptions {
    /** How image files get into img/ (default: copy, copy-on-write where the file system can). */
    images?: ImageMode;
}
/** Names as a case-insensitive file system (macOS, Windows) compares them: letter case and Unicode form ignored. */
export declare const foldName: (name: string) => string;
/**
 * One dataset of a Supervisely shard (the manifest's `state.supervisely.datasets`, in the order written): how many
 * of its items had a listed image and how many did not, and the dataset (full name) those without one go to when
 * both kinds meet.
 */
export interface SuperviselyShardDataset {
    name: string;
    withImage: number;
    withoutImage: number;
    side: string;
}
/** Writes a project canonically (spec §9) into an empty folder. meta.json is written last. */
export declare function writeSuperviselyProject(project: Project, outDir: string, options: SuperviselyWriteOptions, ctx: FormatContext): Promise<{
    items: number;
}>;
