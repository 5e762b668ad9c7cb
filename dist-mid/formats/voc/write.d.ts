import type { Project } from "../../src/model/index.js";
import type { FormatContext } from "../../src/format.js";
import type { Report } from "../../src/report.js";
import { VocMaskQueue, type ClassIndexing } from "./write-masks.js";
import { FileCreationProbe, FileWriterThread } from "../../src/io/file-writer.js";
export type ImageFormat = "keep" | "jpg";
/** One ImageSets entry of a VOC shard (sidecar voc.ndjson): position in the run, split, VOC id, list folders, classes. */
export type VocShardLine = [position: number, split: string, id: string, folders: string[], classes: [string, 0 | 1][]];
/**
 * Every item of a VOC shard (sidecar voc-ids.ndjson), for merge to give the ids the single run gives: its position, its
 * dataset path, its name, its annotation's fingerprint, the id the shard wrote it under, the extension of its image
 * file name, and what its image is (`file:<path>`, `link:<url>`, `bytes`, or "" for none).
 */
export type VocIdLine = [position: number, datasetPath: string[], name: string, fingerprint: string, id: string, ext: string, image: string];
/** What a VOC shard saw across its items (the manifest's `state.voc`): labelmap.txt is written from their union. */
export interface VocShardState {
    objectClasses: [name: string, parts: string[], actions: string[]][];
    maskClasses: string[];
    indexing: [name: string, index: number, rgb: [number, number, number]][];
}
export interface VocWriteOptions {
    /** keep: copy images as they are; jpg: re-encode non-JPEG images to .jpg (VOC's JPEGImages holds JPEGs). */
    imageFormat?: ImageFormat;
    /**
     * Boxes only (detection): the XML and ImageSets/Main as a full export writes them, with no SegmentationClass /
     * SegmentationObject masks (and `<segmented>` 0); polygons and masks are their objects' boxes.
     */
    boxesOnly?: boolean;
}
/** Everything the writer learns across items, for labelmap.txt. */
interface ExportState {
    indexing: ClassIndexing;
    /** indexing.palette packed for the mask jobs. */
    palette: Uint8Array;
    /** Mask drawing and PNG encoding: inline for small exports, in the worker pool for large ones. */
    masks: VocMaskQueue;
    /** Object classes (XML <name>s and mask classes), with their parts and actions. */
    objectClasses: Map<string, {
        parts: Set<string>;
        actions: Set<string>;
    }>;
    /** Classes drawn into SegmentationClass. */
    maskClasses: Set<string>;
    /** The thread that creates the output files (src/io/file-writer.ts), once the export is big enough; null before. */
    files: FileWriterThread | null;
    /**
     * With boxes only, the XML files (a few KB each) are created on the main thread with synchronous calls, and from a
     * file-writer thread only when the first ones show a slow file system; null when masks are drawn.
     */
    probe: FileCreationProbe | null;
}
export declare function writeLabelmap(outDir: string, state: Pick<ExportState, "indexing" | "objectClasses" | "maskClasses">, report: Report): Promise<void>;
export declare function writeVocProject(project: Project, outDir: string, options: VocWriteOptions, ctx: FormatContext): Promise<{
    items: number;
}>;
export {};
