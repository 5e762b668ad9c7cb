export interface SafeOutputOptions {
    /** Replace an existing output that slyconv wrote (only once the new one is complete). */
    force?: boolean;
    /**
     * The paths the run reads (its input, an images folder): the output may not be one of them, hold one, or lie
     * inside one.
     */
    inputs?: readonly string[];
}
/**
 * The file slyconv writes into every output folder it creates. With --force, slyconv replaces only a folder that
 * holds it (or an empty one): deleting the file protects the folder.
 */
export declare const OUTPUT_MARKER = ".slyconv-output";
/** What stood at the output path when the run started; the final rename checks it is still that. */
export type OutputTarget = {
    kind: "none";
} | {
    kind: "empty-folder" | "marked-folder" | "archive-file";
    dev: number;
    ino: number;
};
/**
 * Checks an output path before any work starts and says what stands there. Refused whatever --force says (exit 2,
 * code output-refused): `/`, the working folder, home, an input, a folder holding one of those, a path inside an
 * input, a path under a file, anything in /proc, /sys or /dev or on a kernel file system, a mount point, a symlink,
 * a device, FIFO or socket, and a non-empty folder slyconv did not write (no OUTPUT_MARKER). A folder slyconv wrote
 * (or an archive file, for `kind: "file"`) needs --force; an empty folder does not.
 */
export declare function checkOutputTarget(out: string, opts?: SafeOutputOptions, kind?: "dir" | "file"): Promise<OutputTarget>;
/**
 * Cleans up after a run that was killed (SIGKILL, power loss) before it could: its temporary folder is removed,
 * and a previous output it had moved aside, but not yet replaced, is put back.
 */
export declare function recoverInterruptedOutput(target: string): Promise<void>;
/**
 * Builds an output (folder or file) at a temporary sibling path and renames it into place only when `build`
 * succeeds: a failure or Ctrl-C leaves either no output or the previous complete one.
 */
export declare function writeAtomically<T>(out: string, opts: SafeOutputOptions, kind: "dir" | "file", build: (tmpPath: string) => Promise<T>): Promise<T>;
/** An input path that must exist. */
export declare function requireInput(p: string, what?: string): Promise<import("node:fs").Stats>;
