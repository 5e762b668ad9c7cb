import type { CocoFileKind } from "./model.js";
import type { SpecialFile } from "../../src/io/list-dir.js";
export interface CocoFile {
    path: string;
    /** Path relative to the input, for messages. */
    display: string;
    kind: CocoFileKind;
    /** Split name from the file name (val2017, default, train…). */
    split: string;
}
/** Heuristic on the first bytes of a JSON file: a top-level object with COCO's arrays. */
export declare function looksLikeCocoHead(head: string): {
    coco: boolean;
    strong: boolean;
};
export declare function readHead(file: string, bytes?: number): Promise<string>;
export declare function kindAndSplit(file: string): {
    kind: CocoFileKind;
    split: string;
};
/** A dataset name safe as a folder name and not one Supervisely reserves. */
export declare function safeDatasetName(name: string): string;
/**
 * The COCO files of an input (a .json file, or a folder searched a few levels deep), sorted by path. `.json` files
 * that are FIFOs, sockets or devices go to `special`.
 */
export declare function findCocoFiles(input: string, special?: SpecialFile[]): Promise<CocoFile[]>;
export interface FileGroup {
    dataset: string;
    /** Files sharing one space of image ids (the instances, keypoints and captions files of one split). */
    files: CocoFile[];
}
/**
 * Files of one split and different kinds share images (COCO's instances/person_keypoints/captions_val2017); two
 * files of the same kind and split are different datasets (`default`, `default_2`). `--dataset` puts every group into
 * one dataset.
 */
export declare function groupFiles(files: CocoFile[], datasetOverride?: string): FileGroup[];
/**
 * Folders where the images of an annotation file may be, most likely first: COCO's own layout
 * (annotations/instances_val2017.json beside val2017/), images/<split>, images/, FiftyOne's data/ (beside its
 * labels.json), the file's own folder (Roboflow), and the folder above.
 */
export declare function imageDirCandidates(annotationFile: string, split: string, imagesDir?: string): string[];
/** What stands where an image listed as `fileName` is looked for under `dir` when it is a FIFO, socket or device. */
export declare function specialImageFile(dir: string, fileName: string): Promise<SpecialFile | null>;
/** Where an image listed as `fileName` is under `dir`: the path as written, else its base name; null if absent. */
export declare function findImageFile(dir: string, fileName: string): Promise<string | null>;
