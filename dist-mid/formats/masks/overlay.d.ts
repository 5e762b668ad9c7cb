import type { ImageSource } from "../../src/model/index.js";
import type { Rgb } from "./class-map.js";
/** Opacity of the class colours over the image in masks_human/. */
export declare const OVERLAY_ALPHA = 128;
/**
 * masks_human/ picture: the image on the left, the image with class colours blended at 50 % on the right (as
 * Supervisely's Export as masks draws it). Returns a reason instead when the image cannot be used.
 */
export declare function renderOverlay(image: ImageSource, width: number, height: number, classIndex: Uint8Array, palette: readonly Rgb[]): Promise<Buffer | {
    skipped: string;
}>;
