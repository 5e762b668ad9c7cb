/**
 * sharp, loaded on first use: loading it (libvips) takes a few hundred milliseconds, which most conversions never
 * need (COCO with `--images none`, Supervisely → COCO, …). Set up as image-size.ts always did: header reads are
 * I/O bound, so one libvips thread and no cache.
 */
import type sharpType from "sharp";
export type Sharp = typeof sharpType;
export declare function loadSharp(): Promise<Sharp>;
