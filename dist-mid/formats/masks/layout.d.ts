import { type SpecialFile } from "../../src/io/list-dir.js";
export declare const SLY_IMG_DIR = "img";
export declare const SLY_MACHINE_DIR = "masks_machine";
export declare const SLY_INSTANCES_DIR = "masks_instances";
export declare const SLY_HUMAN_DIR = "masks_human";
export declare const SLY_SEMANTIC_DIR = "masks_semantic_rgb";
export declare const SLY_ANN_DIR = "ann";
export declare const SLY_DATASETS_DIR = "datasets";
export declare const GENERIC_IMAGE_DIRS: string[];
export declare const GENERIC_MASK_DIRS: string[];
export declare const GENERIC_INSTANCE_DIRS: string[];
/** One image (or orphan mask) with the mask files that belong to it. */
export interface MaskEntry {
    /** Image file name; the item name. */
    name: string;
    imagePath?: string;
    /** Semantic mask: class index (gray/palette) or colour PNG. */
    semanticPath?: string;
    /** Supervisely instance masks (one binary PNG per object). */
    instanceFiles?: string[];
    /** Generic instance-id PNG (pixel = object id) beside the semantic mask. */
    instanceIdPath?: string;
}
export interface DatasetPlan {
    name: string;
    dir: string;
    entries: MaskEntry[];
    /** Mask files (or instance folders) with no image of their stem. */
    orphans: string[];
    /** Two images claim the same mask stem. */
    ambiguous: {
        mask: string;
        images: string[];
    }[];
    children: DatasetPlan[];
}
export interface MasksLayout {
    kind: "supervisely" | "generic";
    root: string;
    datasets: DatasetPlan[];
    /** A class file found at the root (obj_class_to_machine_color.json or a class list). */
    classFile?: string;
    /** FIFOs, sockets and devices where images, masks or a class file were looked for: not read, reported. */
    special: SpecialFile[];
}
export declare function isDir(p: string): Promise<boolean>;
/** Sorts `car_2` before `car_10`. */
export declare const naturalCompare: (a: string, b: string) => number;
/** The folder holding obj_class_to_machine_color.json: the input itself or its single sub-folder that has one. */
export declare function findSuperviselyMasksRoot(input: string): Promise<string | null>;
export declare function isSuperviselyMasksDataset(dir: string): Promise<boolean>;
export interface GenericDirs {
    images: string;
    masks: string;
    instances?: string;
}
export declare function findGenericDirs(root: string): Promise<GenericDirs | null>;
/** The layout of an input folder, or null when it is neither. */
export declare function discoverMasksLayout(input: string): Promise<MasksLayout | null>;
