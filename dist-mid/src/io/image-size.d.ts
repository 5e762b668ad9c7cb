export interface ImageDimensions {
    width: number;
    height: number;
}
/**
 * Image width and height from the file header (sharp reads the header only, no pixel decode). EXIF orientation is
 * not applied: sizes are those of the stored pixels, as Supervisely records them. Null when unreadable.
 */
export declare function readImageSize(file: string): Promise<ImageDimensions | null>;
/** Width and height as sharp reads them from a file or from image bytes; null when sharp cannot read them. */
export declare function sharpImageSize(input: string | Buffer): Promise<ImageDimensions | null>;
export declare const DEFAULT_PROBE_CONCURRENCY = 16;
export declare function readImageSizes(files: readonly string[], concurrency?: number): Promise<(ImageDimensions | null)[]>;
