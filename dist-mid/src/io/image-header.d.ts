import { type ImageDimensions } from "./image-size.js";
export type ImageHeaderFormat = "png" | "jpeg" | "gif" | "webp" | "bmp";
export interface ImageHeader {
    format: ImageHeaderFormat;
    mime: string;
    width: number;
    height: number;
}
export type HeaderParse = {
    status: "ok";
    header: ImageHeader;
}
/** The bytes so far are a valid start; at least `minBytes` bytes are needed to go on. */
 | {
    status: "need-more";
    minBytes: number;
}
/** Not one of the known formats. */
 | {
    status: "unknown";
}
/** A known format whose header is broken. */
 | {
    status: "invalid";
    format: ImageHeaderFormat;
    reason: string;
};
/** File extension (without dot) conventionally used for each format. */
export declare const IMAGE_HEADER_EXTENSION: Record<ImageHeaderFormat, string>;
/** Parses whatever header is at the start of `bytes` (see HeaderParse). */
export declare function parseImageHeader(bytes: Uint8Array): HeaderParse;
/** Width and height of an image file from its header; sharp for formats not decoded here. Null when unreadable. */
export declare function readImageHeaderSize(file: string): Promise<ImageDimensions | null>;
/** Width and height of an image held in memory (e.g. an archive member); sharp for formats not decoded here. */
export declare function imageSizeFromBuffer(data: Buffer): Promise<ImageDimensions | null>;
/** Header reads are small and I/O bound: enough in flight to keep the libuv pool busy. */
export declare const HEADER_PROBE_CONCURRENCY = 32;
export declare function readImageHeaderSizes(files: readonly string[], concurrency?: number): Promise<(ImageDimensions | null)[]>;
