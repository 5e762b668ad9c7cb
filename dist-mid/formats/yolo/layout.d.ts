import type { FormatContext } from "../../src/format.js";
import type { SourceTree } from "./source-tree.js";
import type { KeypointShape } from "./lines.js";
export declare const IMAGE_EXTENSIONS: Set<string>;
export declare function isImageFile(p: string): boolean;
/** One image (or label file without an image) of a split. */
export interface ItemRef {
    /** The image file, when it exists. */
    image?: string;
    /** The image path a list file names, when that file does not exist. */
    listedImage?: string;
    label?: string;
    /** Folders between the split folder and the file: the nested dataset the item goes to. */
    subdirs: string[];
}
export interface SplitPlan {
    name: string;
    refs: ItemRef[];
}
export interface KeypointConfig {
    shape: KeypointShape;
    flipIdx?: number[];
    /** Keypoint names per class index (undefined = none given for that class). */
    names: (string[] | undefined)[];
}
export interface YoloLayout {
    kind: "ultralytics" | "darknet" | "folders";
    /** The dataset folder (where the config file is, or the input). */
    root: string;
    configFile?: string;
    /** Class names by index; null when the dataset names none (classes are then named by their index). */
    names: string[] | null;
    keypoints?: KeypointConfig;
    splits: SplitPlan[];
}
/** Ultralytics' rule: the last /images/ becomes /labels/ and the extension .txt. */
export declare function ultralyticsLabelPath(image: string): string | null;
/**
 * Whether a path (absolute, normalised by posix.join) lies inside the input folder. Paths that data.yaml, obj.data
 * or a list file gives are only followed inside it: a dataset (an extracted archive above all) must not make the
 * import read, and copy into the output, files from elsewhere on the machine (`train: /`, `../../home/me/x.jpg`).
 */
export declare function insideInput(tree: SourceTree, p: string): boolean;
/**
 * Most classes a dataset may name (V3Det, the largest detection vocabulary, has 13,204). Class tables are built
 * densely, so a hostile `names: {99999999: a}`, `nc: 1e9` or class id would otherwise ask for billions of classes.
 */
export declare const MAX_CLASSES = 65536;
/** Most keypoints per object `kpt_shape` may ask for (face meshes have 478). */
export declare const MAX_KEYPOINTS = 10000;
/** Parses a YAML config; null when it is not a mapping. */
export declare function parseYaml(text: string, file: string): Record<string, unknown> | null;
/** The folder that holds the dataset: the input, or its only sub-folder (archives and downloads often wrap one). */
export declare function findDatasetRoot(tree: SourceTree, start: string): Promise<string>;
/**
 * Reads the dataset's configuration and pairs every image with its label file. `configFile` is a YAML file the
 * user named as the input.
 */
export declare function discoverLayout(tree: SourceTree, start: string, ctx: FormatContext, configFile?: string): Promise<YoloLayout>;
