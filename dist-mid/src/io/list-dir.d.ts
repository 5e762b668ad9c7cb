import type { Dirent } from "node:fs";
import type { Report } from "../report.js";
/** A FIFO, socket or device found where files are read (itself, or through a symlink): never opened, reported. */
export interface SpecialFile {
    path: string;
    /** "a named pipe", "a socket", "a device" */
    kind: string;
}
/**
 * The entries of a folder ([] when it cannot be read). A symlink to a regular file counts as a file (its content is
 * read, as for Supervisely, COCO and YOLO inputs; writers copy or link the real file, never the link); a symlink to
 * anything else (a folder, a loop, nothing) is neither file nor folder, so folder walks never follow links into
 * cycles. FIFOs, sockets and devices (or symlinks to them) are neither too; with `special`, each is added to it, for
 * the reader to report (a FIFO used to vanish from the input without a word).
 */
export declare function listDir(dir: string, special?: SpecialFile[]): Promise<Dirent[]>;
/**
 * Each special file as a warning naming it (relative to `root`) and saying it was skipped: `not-a-regular-file`, the
 * code YOLO's reader uses too. Files named twice (a folder listed twice) are reported once.
 */
export declare function reportSpecialFiles(report: Report, special: readonly SpecialFile[], root: string): void;
