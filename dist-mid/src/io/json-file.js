import { SlyconvError } from "../errors.js";
import { jsonErrorOffset } from "./json-bytes.js";
import { TextFileTooLargeError, readRegularFileSync, readTextBytesSync } from "./regular-file.js";
import { pythonJson } from "./python-json.js";
/** Line and column (1-based) of a character offset. */
export function lineColumnAt(text, offset) {
    let line = 1, last = -1;
    for (let i = 0; i < offset && i < text.length; i++)
        if (text.charCodeAt(i) === 10) {
            line++;
            last = i;
        }
    return { line, column: offset - last };
}
/** JSON.parse with the error turned into a finding-ready SlyconvError (file, line, column). */
export function parseJsonText(text, file) {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    try {
        return JSON.parse(bom ? text.slice(1) : text);
    }
    catch (e) {
        const msg = e.message;
        const inBody = jsonErrorOffset(bom ? text.slice(1) : text);
        const offset = inBody < 0 ? -1 : inBody + bom;
        const at = offset >= 0 ? lineColumnAt(text, offset) : undefined;
        const found = offset >= 0 && offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : "unexpected end of file";
        const reason = offset >= 0 ? found : msg;
        throw new SlyconvError("json-syntax", `malformed JSON: ${reason}`, { file, line: at?.line, column: at?.column });
    }
}
/**
 * Reads and parses a JSON file. The read is synchronous: for the small files a project is made of it costs a few
 * times less CPU than fs.promises.readFile (one call instead of open, stat, read and close each going through the
 * thread pool), which is what bounds reading a project of 100,000 annotation files.
 */
export async function readJsonFile(path, displayName = path) {
    let text;
    try {
        // Regular files only: a FIFO would block the read forever, a device (/dev/zero) fill the memory.
        text = readRegularFileSync(path, "utf8");
    }
    catch (e) {
        throw readError(e, displayName);
    }
    return parseJsonText(text, displayName);
}
/**
 * readJsonFile with the file's bytes handed to `check` before they are decoded and parsed: what it throws (a file
 * holding more than a limit allows) stops the read.
 */
export async function readCheckedJsonFile(path, displayName, check) {
    let bytes;
    try {
        bytes = readTextBytesSync(path);
    }
    catch (e) {
        throw readError(e, displayName);
    }
    check(bytes);
    return parseJsonText(bytes.toString("utf8"), displayName);
}
function readError(e, displayName) {
    if (e instanceof TextFileTooLargeError)
        return new SlyconvError(e.code, e.message, { file: displayName });
    return new SlyconvError("file-unreadable", `cannot read file (${e.code ?? e.message})`, { file: displayName });
}
/**
 * Canonical JSON text of a Supervisely file, as the SDK writes it: Python's json.dump with indent=4 (non-ASCII
 * characters as \u escapes, floats below 1e-4 in Python's exponent form; see python-json.ts).
 */
export function canonicalJson(value) {
    return pythonJson(value).toString("latin1");
}
/**
 * Levels of arrays and objects a kept JSON value may nest. Values slyconv keeps as they are (customBigData, unknown
 * keys) are written back with recursive serializers, which overflow the stack some thousands of levels down; no
 * dataset nests a hundredth of this.
 */
export const MAX_JSON_DEPTH = 1000;
/** Whether `value` nests arrays and objects deeper than `max` levels (walked without recursion). */
export function jsonNestsDeeperThan(value, max = MAX_JSON_DEPTH) {
    const stack = [[value, 1]];
    while (stack.length) {
        const [v, depth] = stack.pop();
        if (v === null || typeof v !== "object")
            continue;
        if (depth > max)
            return true;
        for (const child of Array.isArray(v) ? v : Object.values(v))
            if (child !== null && typeof child === "object")
                stack.push([child, depth + 1]);
    }
    return false;
}
//# sourceMappingURL=json-file.js.map