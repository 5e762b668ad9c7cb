import type { Finding, Report } from "../report.js";
/** Library text in the CLI's words (option keys as flags); the identity for a program that prints it as it is. */
export type Wording = (message: string) => string;
/** One finding as a line, its message in `wording`. */
export declare function formatFinding(f: Finding, wording?: Wording): string;
/** "1 warning", "2 warnings". */
export declare function plural(n: number, word: string): string;
/**
 * Prints findings (capped per code; info lines only without `quiet`), a count per code, and what the target
 * format could not hold; messages and reasons in `wording`.
 */
export declare function printReport(report: Report, opts?: {
    maxPerCode?: number;
    stream?: NodeJS.WritableStream;
    quiet?: boolean;
    wording?: Wording;
}): void;
/**
 * `slyconv … --help | head -1` closes stdout early: Node then reports EPIPE as an uncaught error with a stack. A
 * reader that stops reading is no mistake of the run, so further output to that stream is dropped and the command
 * carries on (a conversion still finishes and renames its output into place).
 */
export declare function ignoreClosedPipes(): void;
