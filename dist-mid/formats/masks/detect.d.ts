import type { DetectResult } from "../../src/format.js";
/**
 * obj_class_to_machine_color.json is Supervisely's own marker (0.9). An images folder with a masks folder of PNGs is
 * likely (0.6 with a class file, 0.45 without); with `SegmentationClass/` it is a VOC layout first, so masks stays
 * below the VOC adapter (0.4) and only wins when nothing else claims the folder.
 */
export declare function detectMasks(input: string): Promise<DetectResult>;
