import type { DetectResult } from "../../src/format.js";
/**
 * Cheap: folder names and the head of one XML file. Annotations/ with a VOC XML (or a flat folder of them) is
 * near-certain; SegmentationClass/SegmentationObject without annotations is VOC-shaped masks, likely but shared with
 * generic PNG-mask layouts.
 */
export declare function detectVoc(input: string): Promise<DetectResult>;
