/** How image files get into img/: hardlink (a copy where linking fails), copy, symlink, or none. */
export type ImageMode = "copy" | "hardlink" | "symlink" | "none";
/** Folder names of a Supervisely project (spec §1.1). */
export declare const IMG_DIR = "img";
export declare const ANN_DIR = "ann";
export declare const IMG_INFO_DIR = "img_info";
export declare const META_DIR = "meta";
export declare const DATASETS_DIR = "datasets";
export declare const META_FILE = "meta.json";
/** Folder names inside a dataset that are never datasets themselves. */
export declare const RESERVED_DIRS: Set<string>;
/** Image extensions Supervisely recognises in img/ (spec §1.2), lower case. */
export declare const IMAGE_EXTENSIONS: Set<string>;
export declare function hasImageExtension(name: string): boolean;
/** A folder is a dataset when it has ann/ or img/. */
export declare function looksLikeDataset(dir: string): Promise<boolean>;
/** Finds the project root: the folder holding meta.json, the input itself, or its single sub-folder. */
export declare function findProjectRoot(input: string): Promise<string | null>;
/**
 * Folder-name endings the SDK never opens as a dataset: `Project._read` walks the folders with `fs.subdirs_tree`,
 * which skips every path that *ends with* one of `Dataset.ignorable_dirs()` (the `*_dir_name` folder names), matched
 * as text, so `instanceseg` is skipped like `seg`. Python's str.endswith: letter case counts.
 */
export declare const SDK_SKIPPED_DATASET_ENDINGS: readonly ["ann", "blob", "datasets", "img", "img_info", "meta", "seg"];
/** The ending for which the SDK skips a dataset folder of this name, if any. */
export declare function sdkSkippedEnding(name: string): string | undefined;
/**
 * Extensions the SDK lists in img/ (`imaging/image.py` SUPPORTED_IMG_EXTS through `Dataset._has_valid_ext`, letter case
 * ignored). A file of any other extension is no item to the SDK.
 */
export declare const SDK_IMAGE_EXTENSIONS: Set<string>;
/** Whether the SDK lists a file of this name in img/ as an item. */
export declare function sdkListsImage(name: string): boolean;
/**
 * A project file (beside meta.json; the SDK ignores it) in which the writer notes how it changed datasets for the
 * SDK, so that reading the project gives back the datasets it was given: exports and round trips are not changed by
 * the SDK's rules.
 */
export declare const DATASETS_NOTE_FILE = "slyconv_datasets.json";
export interface DatasetsNote {
    /** Full name of a dataset as written → its own name (see sdkSkippedEnding). */
    renamed: Record<string, string>;
    /** Full name of a dataset holding items without an image → full name of the dataset they belong to. */
    itemsWithoutImage: Record<string, string>;
}
