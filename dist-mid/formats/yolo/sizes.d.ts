import type { ImageDimensions } from "../../src/io/image-size.js";
export interface SizeSource {
    /** Size for an item by its image name (or the stem of its label file). */
    lookup(name: string): ImageDimensions | undefined;
    /** File name (with extension) an external source gives for a stem, to name items that have no image. */
    fileNameFor(stem: string): string | undefined;
    describe: string;
}
/** `640x480` → {width: 640, height: 480}. */
export declare function parseImageSizeOption(v: string): ImageDimensions;
/** Builds the size source from the import options; undefined when neither option is given. */
export declare function sizeSourceFromOptions(sizesFrom: unknown, imageSize: unknown): Promise<SizeSource | undefined>;
