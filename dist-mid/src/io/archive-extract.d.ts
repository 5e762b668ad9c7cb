import type { Report } from "../report.js";
import type { Progress } from "./progress.js";
export type ArchiveKind = "zip" | "tar" | "tar.gz";
/** The archive kind a path names by its extension (case-insensitive), or null. */
export declare function archiveKindOf(p: string): ArchiveKind | null;
/**
 * The archive's name without its archive extension ("Yolo (1).zip" → "Yolo (1)"): the name of the folder it is
 * extracted into, so that a dataset named after its folder is named after the archive, not after a scratch folder.
 */
export declare function archiveStem(p: string): string;
/** True for .zip, .tar, .tar.gz and .tgz names. Only the name is looked at; callers check it is a file. */
export declare function isArchivePath(p: string): boolean;
export interface ExtractLimits {
    /** Cap on the bytes of all extracted files; default SLYCONV_ARCHIVE_MAX_BYTES or 32 GiB. */
    maxBytes?: number;
    /** Cap on the number of entries; default SLYCONV_ARCHIVE_MAX_ENTRIES or 1,000,000. */
    maxEntries?: number;
}
export interface ExtractOptions extends ExtractLimits {
    /** Receives a warning for every skipped entry and for names that differ only by case. */
    report?: Report;
    progress?: Progress;
}
export interface SkippedEntry {
    name: string;
    reason: string;
}
export interface ExtractResult {
    /** Files and folders created (folders only implied by file names are not counted). */
    entries: number;
    /** Bytes of file content written. */
    bytes: number;
    skipped: SkippedEntry[];
}
export declare const DEFAULT_MAX_EXTRACT_BYTES: number;
export declare const DEFAULT_MAX_EXTRACT_ENTRIES = 1000000;
export declare const MAX_BYTES_ENV = "SLYCONV_ARCHIVE_MAX_BYTES";
export declare const MAX_ENTRIES_ENV = "SLYCONV_ARCHIVE_MAX_ENTRIES";
/** "1000", "512M", "20G", "1.5T" → bytes (binary multiples). */
export declare function parseByteSize(text: string): number | null;
/**
 * Extracts an archive into `destDir` (created if missing; must be empty). On failure `destDir` is emptied again, so
 * a refused archive leaves nothing behind, inside or outside.
 */
export declare function extractArchive(archivePath: string, destDir: string, opts?: ExtractOptions): Promise<ExtractResult>;
/** The dataset root inside an extracted archive: its single top-level folder if it has one, else the folder itself. */
export declare function archiveContentRoot(dir: string): Promise<string>;
export interface ExtractedArchive extends ExtractResult {
    /** Where the dataset starts (see archiveContentRoot). */
    root: string;
    /** Removes the scratch folder; call once nothing reads from `root` any more. */
    dispose(): Promise<void>;
    /** Makes an error that names files in the scratch folder name them inside the archive instead. */
    relabel(e: unknown): unknown;
}
/**
 * Extracts an archive into `<archive stem>/` of a fresh scratch folder under the OS temp folder
 * (`slyconv-extract-XXXXXX`): an archive without a wrapper folder reads like a folder named after the archive.
 */
export declare function extractToScratch(archivePath: string, opts?: ExtractOptions): Promise<ExtractedArchive>;
/**
 * Options with `images: "symlink"` turned into "copy" (and a warning): images symlinked into an extracted archive's
 * scratch folder would dangle once it is removed.
 */
export declare function withoutScratchSymlinks<T extends {
    images?: unknown;
}>(options: T, report?: Report): T;
