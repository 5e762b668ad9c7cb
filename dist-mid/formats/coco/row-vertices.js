/**
 * An annotation row too long to parse cheaply: its image id and the vertices of its polygon segmentation read from
 * its bytes. JSON.parse takes several times a row's size (one of 106 MB, 13.3 million vertices, took 700 MB, and
 * the whole import 1.9 GB), so a row over OVERSIZED_ROW_BYTES whose vertices are past the limit is counted here and
 * never parsed: its image is refused for it (read.ts). Real annotations are a few KB.
 */
import { jsonNumber, readJsonNumber } from "../../src/io/json-bytes.js";
/** Rows longer than this are counted from their bytes first, and left by the parse thread to the reader. */
export const OVERSIZED_ROW_BYTES = 16 << 20;
function skipSpace(b, i, end) {
    while (i < end) {
        const c = b[i];
        if (c !== 32 /* C.Space */ && c !== 10 /* C.Newline */ && c !== 13 /* C.Return */ && c !== 9 /* C.Tab */)
            break;
        i++;
    }
    return i;
}
/** The index after the string that opens at b[i] (a quote), or -1. */
function skipString(b, i, end) {
    for (i++; i < end; i++) {
        const c = b[i];
        if (c === 92 /* C.Backslash */)
            i++;
        else if (c === 34 /* C.Quote */)
            return i + 1;
    }
    return -1;
}
/** The index after the value at b[i], or -1: strings and nestings skipped whole, anything else up to its end. */
function skipValue(b, i, end) {
    if (b[i] === 34 /* C.Quote */)
        return skipString(b, i, end);
    let depth = 0;
    for (; i < end; i++) {
        const c = b[i];
        if (c === 34 /* C.Quote */) {
            i = skipString(b, i, end) - 1;
            if (i < 0)
                return -1;
        }
        else if (c === 91 /* C.OpenBracket */ || c === 123 /* C.OpenBrace */)
            depth++;
        else if (c === 93 /* C.CloseBracket */ || c === 125 /* C.CloseBrace */) {
            if (depth === 0)
                return i;
            if (--depth === 0)
                return i + 1;
        }
        else if (depth === 0 && c === 44 /* C.Comma */)
            return i;
    }
    return depth === 0 ? i : -1;
}
const SEGMENTATION = Buffer.from('"segmentation"');
const IMAGE_ID = Buffer.from('"image_id"');
function isKey(b, from, to, key) {
    if (to - from !== key.length)
        return false;
    for (let k = 0; k < key.length; k++)
        if (b[from + k] !== key[k])
            return false;
    return true;
}
/**
 * The numbers of the list at b[i] (a '['), counted by their commas, and the index after it; null when it holds
 * anything but numbers (a list, an object, a string). Commas, not numbers, are counted: a row this long is all
 * numbers, and one that is not is parsed instead.
 */
function numberList(b, i, end) {
    let numbers = 0, empty = true;
    for (i++; i < end; i++) {
        const c = b[i];
        if (c === 93 /* C.CloseBracket */)
            return { numbers: empty ? 0 : numbers + 1, next: i + 1 };
        if (c === 44 /* C.Comma */)
            numbers++;
        else if (c === 91 /* C.OpenBracket */ || c === 123 /* C.OpenBrace */ || c === 34 /* C.Quote */)
            return null;
        else if (c !== 32 /* C.Space */ && c !== 10 /* C.Newline */ && c !== 13 /* C.Return */ && c !== 9 /* C.Tab */)
            empty = false;
    }
    return null;
}
/** The vertices a polygon part of `numbers` numbers gives (planAnnotation skips a part of fewer than 6, or an odd count). */
const partVertices = (numbers) => (numbers >= 6 && numbers % 2 === 0 ? numbers / 2 : 0);
/**
 * The vertices of the polygon segmentation at b[i] (a '['): a list of parts, or one flat list of numbers; null when
 * it is neither.
 */
function polygonVertices(b, i, end) {
    const first = skipSpace(b, i + 1, end);
    if (b[first] !== 91 /* C.OpenBracket */) {
        const flat = numberList(b, i, end);
        return flat && { vertices: partVertices(flat.numbers), next: flat.next };
    }
    let vertices = 0;
    i = first;
    for (;;) {
        if (b[i] !== 91 /* C.OpenBracket */)
            return null;
        const part = numberList(b, i, end);
        if (!part)
            return null;
        vertices += partVertices(part.numbers);
        i = skipSpace(b, part.next, end);
        if (b[i] === 93 /* C.CloseBracket */)
            return { vertices, next: i + 1 };
        if (b[i] !== 44 /* C.Comma */)
            return null;
        i = skipSpace(b, i + 1, end);
    }
}
/**
 * The image id (a number) and polygon vertices of the annotation object in b[from .. to), or null when it is not
 * such an object (it is then parsed as any row is). Of a key given twice the last counts, as in JSON.parse.
 */
export function rowVertices(b, from, to) {
    let i = skipSpace(b, from, to);
    if (b[i] !== 123 /* C.OpenBrace */)
        return null;
    let imageId = null, vertices = null;
    i = skipSpace(b, i + 1, to);
    if (b[i] === 125 /* C.CloseBrace */)
        return null;
    for (;;) {
        if (b[i] !== 34 /* C.Quote */)
            return null;
        const keyStart = i;
        i = skipString(b, i, to);
        if (i < 0)
            return null;
        const keyEnd = i;
        i = skipSpace(b, i, to);
        if (b[i] !== 58 /* C.Colon */)
            return null;
        i = skipSpace(b, i + 1, to);
        if (isKey(b, keyStart, keyEnd, IMAGE_ID)) {
            const next = readJsonNumber(b, i, to);
            if (next < 0)
                return null;
            imageId = jsonNumber[0];
            i = next;
        }
        else if (isKey(b, keyStart, keyEnd, SEGMENTATION) && b[i] === 91 /* C.OpenBracket */) {
            const seg = polygonVertices(b, i, to);
            if (!seg)
                return null;
            vertices = seg.vertices;
            i = seg.next;
        }
        else {
            if (isKey(b, keyStart, keyEnd, SEGMENTATION))
                vertices = 0;
            i = skipValue(b, i, to);
            if (i < 0)
                return null;
        }
        i = skipSpace(b, i, to);
        if (b[i] === 125 /* C.CloseBrace */)
            break;
        if (b[i] !== 44 /* C.Comma */)
            return null;
        i = skipSpace(b, i + 1, to);
    }
    return imageId === null || vertices === null ? null : { imageId, vertices };
}
//# sourceMappingURL=row-vertices.js.map