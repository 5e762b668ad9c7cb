import { SlyconvError } from "../errors.js";
/** Where the run writes: the output path the user gave (an error inside its temporary sibling names the output). */
export interface SystemErrorContext {
    output?: string;
}
interface Row {
    /** The finding code the error gets. */
    code: string;
    /** What happened, and what to do (the path is the error's location, printed before it). */
    message: string;
    /**
     * 1 for the data or the disk; 2 for a path the user chose. "path" is 2 when the error is about the output (its
     * path, a folder above it, or anything inside it), else 1 (a file of the input).
     */
    exit: 1 | 2 | "path";
    /**
     * Mapped only when the error is about the output: elsewhere (reading the input) these codes mean slyconv made a
     * wrong path, a bug that must stay visible as one.
     */
    outputOnly?: boolean;
}
/** The table of docs/bad-input/outputs.md ("Disk and system errors"). */
export declare const SYSTEM_ERRORS: Readonly<Record<string, Row>>;
/** The path a user knows: a file inside the temporary output is named as inside the output. */
export declare function userVisiblePath(p: string): string;
/**
 * A SlyconvError for an error of the system (errno codes of the table above) or of the engine's limits (a string
 * or buffer too large, a stack too deep, memory exhausted); null for anything else (a bug: exit 70). A SlyconvError
 * is returned as it is.
 */
export declare function userErrorFromSystemError(e: unknown, ctx?: SystemErrorContext): SlyconvError | null;
export {};
