import type { ImageSource } from "../../src/model/index.js";
import type { ImageDimensions } from "../../src/io/image-size.js";
export interface LoadedImage {
    source: ImageSource;
    size: ImageDimensions | null;
}
export interface SourceTree {
    /** The input folder. */
    readonly root: string;
    /** Every file below `dir` (recursively), sorted; empty when `dir` is not a folder. */
    listFiles(dir: string): Promise<string[]>;
    isFile(p: string): Promise<boolean>;
    isDir(p: string): Promise<boolean>;
    /** Names of the entries directly inside `dir` (files and folders). */
    readDir(dir: string): Promise<{
        name: string;
        isDir: boolean;
    }[]>;
    readText(p: string): Promise<string>;
    /** An item's image: where its pixels are and its size from the header (null when unreadable). */
    loadImage(p: string): Promise<LoadedImage>;
    /** A path as shown in messages: relative to the input where possible. */
    display(p: string): string;
    /** Symlinks to folders outside the input that the listing did not follow. */
    readonly linksOutside: readonly string[];
    /** FIFOs, sockets and devices found by the listing (directly or through symlinks): never read, reported. */
    readonly notRegular: readonly {
        path: string;
        kind: string;
    }[];
}
export declare function openDirTree(dir: string): Promise<SourceTree>;
