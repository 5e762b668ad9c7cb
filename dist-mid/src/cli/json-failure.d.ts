import type { Wording } from "./output.js";
/** The `error` of a failed run's `--json` object: always these keys, null where the error has no such place. */
export interface JsonError {
    code: string;
    message: string;
    file: string | null;
    line: number | null;
    column: number | null;
    pointer: string | null;
}
/**
 * A failure as `--json` reports it: what went wrong and where, the message in `wording` (the CLI's flags). Commander's
 * own messages lose their "error: ".
 */
export declare function jsonError(err: unknown, wording?: Wording): JsonError;
/**
 * The one JSON object `--json` prints on stdout for a run that did not finish: `ok: false`, the command (when
 * commander got that far), the exit code, the error, and what the error carries for machines (detect's candidates).
 */
export declare function failureJson(command: string | undefined, err: unknown, exitCode: number, wording?: Wording): string;
