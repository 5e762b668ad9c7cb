/**
 * JSON text as Python's `json.dump(value, f, indent=4)` writes it (what Supervisely's SDK writes every project file
 * with), from the text `JSON.stringify(value, null, 4)` gives. The two differ in two things only:
 *
 * - `ensure_ascii` (on by default): every character outside ASCII is written as `\uXXXX` (lower-case hex; a character
 *   outside the BMP as its two UTF-16 surrogates). JavaScript writes such characters as UTF-8.
 * - float repr: Python writes a float below 1e-4 in exponent form with a signed exponent of at least two digits
 *   (`1e-05`, `2.5e-07`); JavaScript writes `0.00001` down to 1e-7, then `2.5e-7`. The digits are the same (both
 *   give the shortest text that reads back as the double). Integral values are written as integers by both, the way
 *   the SDK writes its (floored) coordinates; from 1e21 on JavaScript writes `1e+21` where a Python int has digits.
 */
import { isAscii } from "node:buffer";
const QUOTE = 0x22, BACKSLASH = 0x5c;
/** Python's repr of a double JavaScript wrote as `text` (a JSON number). */
export function pythonNumber(text) {
    const v = Number(text);
    if (!Number.isFinite(v))
        return text;
    if (Number.isInteger(v))
        return Math.abs(v) >= 1e21 ? BigInt(v).toString() : text;
    if (Math.abs(v) >= 1e-4)
        return text;
    const [mantissa, exponent] = v.toExponential().split("e");
    const e = Number(exponent);
    return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}
/** `\uXXXX` for each UTF-16 unit of a non-ASCII character. */
function escapeNonAscii(s) {
    return s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
const isDigit = (c) => c >= 0x30 && c <= 0x39;
/** Whether `pattern` occurs right after a digit (an exponent such as `5e-7`, not the `e-` of `none-`). */
function afterDigit(b, pattern) {
    for (let i = b.indexOf(pattern); i >= 0; i = b.indexOf(pattern, i + 1))
        if (i > 0 && isDigit(b[i - 1]))
            return true;
    return false;
}
/** Whether the text may hold a number JavaScript and Python write differently (an exponent, or 0.0000…). */
function mayHoldOddNumber(buf) {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
    return afterDigit(b, "e-") || afterDigit(b, "e+") || b.indexOf("0.0000") >= 0;
}
/** Characters of a JSON number after its first. */
const inNumber = (c) => isDigit(c) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
/** The bytes of `text` (JSON.stringify's output, as UTF-8) as Python's json.dump writes the same value. */
export function pythonJsonBytes(text) {
    const ascii = isAscii(text);
    if (ascii && !mayHoldOddNumber(text))
        return Buffer.from(text.buffer, text.byteOffset, text.length);
    const s = Buffer.from(text.buffer, text.byteOffset, text.length).toString("utf8");
    let out = "";
    let from = 0;
    for (let i = 0; i < s.length;) {
        const c = s.charCodeAt(i);
        if (c === QUOTE) {
            let j = i + 1;
            while (j < s.length && s.charCodeAt(j) !== QUOTE)
                j += s.charCodeAt(j) === BACKSLASH ? 2 : 1;
            if (!ascii) {
                out += s.slice(from, i) + escapeNonAscii(s.slice(i, j + 1));
                from = j + 1;
            }
            i = j + 1;
        }
        else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
            let j = i + 1;
            while (j < s.length && inNumber(s.charCodeAt(j)))
                j++;
            const number = s.slice(i, j);
            const py = pythonNumber(number);
            if (py !== number) {
                out += s.slice(from, i) + py;
                from = j;
            }
            i = j;
        }
        else
            i++;
    }
    return Buffer.from(out + s.slice(from), "utf8");
}
/** `json.dumps(value, indent=4)` of a plain JSON value. */
export function pythonJson(value) {
    return pythonJsonBytes(Buffer.from(JSON.stringify(value, null, 4), "utf8"));
}
//# sourceMappingURL=python-json.js.map