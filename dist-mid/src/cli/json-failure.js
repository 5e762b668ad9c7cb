import { SlyconvError } from "../errors.js";
/**
 * A failure as `--json` reports it: what went wrong and where, the message in `wording` (the CLI's flags). Commander's
 * own messages lose their "error: ".
 */
export function jsonError(err, wording = (m) => m) {
    if (err instanceof SlyconvError) {
        const { file, line, column, pointer } = err.location;
        return { code: err.code, message: wording(err.message), file: file ?? null, line: line ?? null, column: column ?? null, pointer: pointer ?? null };
    }
    const e = err;
    const usage = typeof e?.code === "string" && e.code.startsWith("commander.");
    const message = String(e?.message ?? err).replace(/^error: /, "");
    return { code: usage ? "usage" : "internal", message, file: null, line: null, column: null, pointer: null };
}
/**
 * The one JSON object `--json` prints on stdout for a run that did not finish: `ok: false`, the command (when
 * commander got that far), the exit code, the error, and what the error carries for machines (detect's candidates).
 */
export function failureJson(command, err, exitCode, wording) {
    const details = err instanceof SlyconvError && "details" in err ? err.details : {};
    return JSON.stringify({ ok: false, ...(command ? { command } : {}), exitCode, error: jsonError(err, wording), ...details }, null, 2);
}
//# sourceMappingURL=json-failure.js.map