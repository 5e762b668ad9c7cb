/**
 * Pixel regions: one cropped binary mask per value of a label image, and connected components. Both work in two
 * passes (bounding boxes, then fill) so that memory follows the objects' boxes, not image size × class count.
 */
import type { BinaryMask } from "../../src/codecs/mask.js";
/** A binary mask placed at (x, y) in the image, cropped to the bounding box of its pixels. */
export interface PlacedMask {
    x: number;
    y: number;
    mask: BinaryMask;
    /** Pixels set. */
    area: number;
}
/**
 * One placed mask per value v > 0 of `values` (a row-major label image), in ascending value order.
 */
export declare function regionsByValue(values: ArrayLike<number>, width: number, height: number): Map<number, PlacedMask>;
export type Connectivity = 4 | 8;
/**
 * Connected components of a placed mask, in the order their first pixel is met scanning rows top to bottom,
 * each cropped to its own box. 8-connectivity joins diagonal neighbours; 4 only edge neighbours.
 */
export declare function connectedComponents(region: PlacedMask, connectivity: Connectivity): PlacedMask[];
