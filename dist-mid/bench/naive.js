/**
 * Pieces of the naive Node jobs the conversions are measured against (the floors, bench/types.ts): what a plain
 * script does with the input, with no care for speed or memory beyond what makes it work at all.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { constants } from "node:buffer";
/**
 * A JSON file parsed with JSON.parse. A file over V8's string limit (about 512 MiB) cannot be one string, so a
 * top-level object is parsed member by member, and a member that is itself too big (COCO's `annotations` list) as
 * runs of its elements: what a script does once JSON.parse has refused the file.
 */
export async function parseJsonFile(file) {
    const bytes = await fsp.readFile(file);
    if (bytes.length <= constants.MAX_STRING_LENGTH)
        return JSON.parse(bytes.toString("utf8"));
    return parseInChunks(bytes, Math.floor(constants.MAX_STRING_LENGTH / 4));
}
const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d, COMMA = 0x2c, COLON = 0x3a;
/** The end (exclusive) of the JSON value starting at `start`, and the commas at depth 1 inside it (for arrays). */
function valueEnd(bytes, start, commas) {
    let depth = 0;
    for (let i = start; i < bytes.length; i++) {
        const b = bytes[i];
        if (b === QUOTE) {
            for (i++; bytes[i] !== QUOTE; i++)
                if (bytes[i] === BACKSLASH)
                    i++;
            if (depth === 0)
                return i + 1;
        }
        else if (b === OPEN_BRACE || b === OPEN_BRACKET)
            depth++;
        else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
            if (--depth === 0)
                return i + 1;
        }
        else if (b === COMMA && depth === 1)
            commas?.push(i);
        else if (depth === 0 && (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET))
            return i;
    }
    return bytes.length;
}
export function parseInChunks(bytes, maxChunk) {
    const skipSpace = (i) => {
        while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09))
            i++;
        return i;
    };
    let i = skipSpace(0);
    if (bytes[i] !== OPEN_BRACE)
        throw new Error("parseJsonFile: a file over the string limit must hold one object");
    const out = {};
    i = skipSpace(i + 1);
    while (bytes[i] !== CLOSE_BRACE) {
        const keyEnd = valueEnd(bytes, i);
        const key = JSON.parse(bytes.toString("utf8", i, keyEnd));
        i = skipSpace(keyEnd);
        if (bytes[i] !== COLON)
            throw new Error(`parseJsonFile: expected ':' at byte ${i}`);
        i = skipSpace(i + 1);
        const commas = [];
        const end = valueEnd(bytes, i, bytes[i] === OPEN_BRACKET ? commas : undefined);
        if (end - i <= maxChunk)
            out[key] = JSON.parse(bytes.toString("utf8", i, end));
        else {
            // A big array: its elements in runs of at most maxChunk bytes, each parsed as an array of its own.
            const list = [];
            const bounds = [i, ...commas, bytes.lastIndexOf(CLOSE_BRACKET, end)];
            let from = 0;
            while (from < bounds.length - 1) {
                let to = from + 1;
                while (to < bounds.length - 1 && bounds[to + 1] - bounds[from] <= maxChunk)
                    to++;
                for (const x of JSON.parse(`[${bytes.toString("utf8", bounds[from] + 1, bounds[to])}]`))
                    list.push(x);
                from = to;
            }
            out[key] = list;
        }
        i = skipSpace(end);
        if (bytes[i] === COMMA)
            i = skipSpace(i + 1);
    }
    return out;
}
/** Each item written as one compact JSON file `<name>.json` in outDir, one after the other. */
export function writeJsonPerItem(outDir, items) {
    fs.mkdirSync(outDir, { recursive: true });
    let n = 0;
    for (const { name, value } of items) {
        fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(value));
        n++;
    }
    return n;
}
//# sourceMappingURL=naive.js.map