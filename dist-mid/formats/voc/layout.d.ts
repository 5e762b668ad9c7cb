import { listDir, type SpecialFile } from "../../src/io/list-dir.js";
export { listDir };
export declare const ANNOTATIONS_DIR = "Annotations";
export declare const IMAGES_DIR = "JPEGImages";
export declare const IMAGE_SETS_DIR = "ImageSets";
export declare const SEGMENTATION_CLASS_DIR = "SegmentationClass";
export declare const SEGMENTATION_OBJECT_DIR = "SegmentationObject";
export declare const MAIN_SETS = "Main";
export declare const SEGMENTATION_SETS = "Segmentation";
export declare const LABELMAP_FILE = "labelmap.txt";
export declare const IMAGE_EXTENSIONS: Set<string>;
export declare function hasImageExtension(name: string): boolean;
export interface VocRoot {
    /** The folder holding Annotations/ etc. (or the XML files for a flat root). */
    dir: string;
    /** Dataset name for this root when there are several (the year folder), else "". */
    name: string;
    flat: boolean;
    /** A flat split folder (Roboflow's train/, valid/, test/): its images are the dataset `name` itself. */
    split?: boolean;
}
/** True when an XML file starts like a VOC annotation (root element `annotation`). */
export declare function looksLikeVocXml(file: string): Promise<boolean>;
/**
 * The VOC roots under an input folder, or [] when there is none. `depth` bounds the look through wrapper folders.
 */
export declare function findVocRoots(input: string, depth?: number): Promise<VocRoot[]>;
/** The files of one root, by VOC id (the file stem). */
export interface VocCatalog {
    root: VocRoot;
    xml: Map<string, string>;
    /** id → image files with that stem (several when extensions differ). */
    images: Map<string, string[]>;
    classMasks: Map<string, string>;
    objectMasks: Map<string, string>;
}
/** The files of a root; FIFOs, sockets and devices among them go to `special` (read.ts reports them). */
export declare function catalogRoot(root: VocRoot, special?: SpecialFile[]): Promise<VocCatalog>;
/** The image of an id: the file the XML names if present, else a .jpg, else any. */
export declare function pickImage(candidates: string[] | undefined, xmlFileName: string | undefined): string | undefined;
