/**
 * What a YOLO dataset says that a Supervisely project has no place for, kept in a project-level side file
 * (`yolo.json`, next to meta.json) so that export can give it back: the keypoint shape and flip map of a pose
 * dataset and the corner order of an OBB dataset. Keypoint names live in the graph templates themselves.
 */
import type { Project } from "../../src/model/index.js";
import type { CornerOrder } from "./obb.js";

export const SIDE_FILE = "yolo.json";

export interface YoloSideInfo {
  /** [K, D] as in data.yaml. */
  kpt_shape?: [number, number];
  /** Keypoint index each keypoint swaps with when an image is flipped left-right. */
  flip_idx?: number[];
  obb_corner_order?: CornerOrder;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The side info of a project, ignoring fields that do not have the expected shape. */
export function sideInfoOf(project: Project): YoloSideInfo {
  const raw = project.sideFiles?.[SIDE_FILE];
  if (!isObject(raw)) return {};
  const out: YoloSideInfo = {};
  const ks = raw.kpt_shape;
  if (Array.isArray(ks) && ks.length === 2 && Number.isInteger(ks[0]) && (ks[1] === 2 || ks[1] === 3)) out.kpt_shape = [ks[0] as number, ks[1] as number];
  if (Array.isArray(raw.flip_idx) && raw.flip_idx.every((v) => Number.isInteger(v))) out.flip_idx = raw.flip_idx as number[];
  if (raw.obb_corner_order === "cw" || raw.obb_corner_order === "ccw") out.obb_corner_order = raw.obb_corner_order;
  return out;
}
