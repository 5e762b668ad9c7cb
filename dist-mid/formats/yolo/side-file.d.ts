/**
 * What a YOLO dataset says that a Supervisely project has no place for, kept in a project-level side file
 * (`yolo.json`, next to meta.json) so that export can give it back: the keypoint shape and flip map of a pose
 * dataset and the corner order of an OBB dataset. Keypoint names live in the graph templates themselves.
 */
import type { Project } from "../../src/model/index.js";
import type { CornerOrder } from "./obb.js";
export declare const SIDE_FILE = "yolo.json";
export interface YoloSideInfo {
    /** [K, D] as in data.yaml. */
    kpt_shape?: [number, number];
    /** Keypoint index each keypoint swaps with when an image is flipped left-right. */
    flip_idx?: number[];
    obb_corner_order?: CornerOrder;
}
/** The side info of a project, ignoring fields that do not have the expected shape. */
export declare function sideInfoOf(project: Project): YoloSideInfo;
