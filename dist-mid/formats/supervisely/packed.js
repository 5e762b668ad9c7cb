/**
 * Annotation files made cheap to hand from a reading thread to the main one. Most of an annotation file's bytes are
 * indentation and point lists (`[[x, y], …]`, one number a line); the packer walks the file's bytes once and gives
 *
 * - a skeleton: the file as compact JSON, each point list replaced by a stand-in string, DEL then its number
 *   (src/io/json-bytes.ts: the stand-in the Supervisely writer's packing uses too), and
 * - the coordinates of those lists in one Float64Array (x1, y1, x2, y2, …), with a start and a length per list,
 *
 * so that the main thread parses only the skeleton and builds the points straight from the numbers
 * (`annotationFromJson` takes them, see PackedPoints). Numbers are read exactly as JSON.parse reads them.
 *
 * The packer gives up (null) on anything it does not take on: malformed JSON, a string holding DEL, text that
 * is not UTF-8, very deep nesting. The caller then reads the file the ordinary way, which reports what is wrong in
 * the usual words.
 */
import { isUtf8 } from "node:buffer";
import { grownBuffer } from "../../src/io/canonical-json.js";
import { POINT_LIST_MARKER, isPointListStandIn, jsonNumber, pointListStandIn, readJsonNumber, standInIndex } from "../../src/io/json-bytes.js";
/** Thrown inside the packer to give up on a file. */
class GiveUp extends Error {
}
const GIVE_UP = new GiveUp();
const MAX_DEPTH = 256;
const EMPTY = Buffer.alloc(0);
const EMPTY_VIEW = new DataView(new ArrayBuffer(0));
/** Bytes that may follow a backslash in a JSON string. */
const ESCAPE = new Uint8Array(256);
for (const c of '"\\/bfnrtu')
    ESCAPE[c.charCodeAt(0)] = 1;
const HEX = new Uint8Array(256);
for (const c of "0123456789abcdefABCDEF")
    HEX[c.charCodeAt(0)] = 1;
/** The first byte at or after p that is not JSON whitespace; runs of spaces (indentation) go four bytes a step. */
function skipWs(b, dv, p, n) {
    while (p < n) {
        const c = b[p];
        if (c === 32 /* C.Space */) {
            p++;
            while (p + 4 <= n && dv.getUint32(p, true) === 0x20202020)
                p += 4;
            while (p < n && b[p] === 32 /* C.Space */)
                p++;
        }
        else if (c === 10 /* C.Newline */ || c === 13 /* C.Return */ || c === 9 /* C.Tab */)
            p++;
        else
            break;
    }
    return p;
}
/** Packs files one after another into shared coordinate and list buffers (one batch). */
export class Packer {
    b = EMPTY;
    dv = EMPTY_VIEW;
    p = 0;
    n = 0;
    out = Buffer.allocUnsafe(1 << 16);
    /** Where the next skeleton starts in `skeletons` (bytes written so far). */
    o = 0;
    nonAscii = false;
    coords = new Float64Array(1 << 16);
    nc = 0;
    starts = new Int32Array(1024);
    counts = new Int32Array(1024);
    nl = 0;
    /**
     * Appends the skeleton of one file's bytes to the batch (its lists numbered on from the lists packed so far);
     * false, with nothing kept, when the file is to be read plainly. The skeleton is `skeletons` bytes from `o` before
     * the call to `o` after it, UTF-8 when `utf8` is set, else ASCII.
     */
    pack(bytes) {
        const nc = this.nc, nl = this.nl, o = this.o;
        this.b = bytes;
        this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
        this.n = bytes.length;
        this.p = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // BOM
        this.nonAscii = false;
        let ok = true;
        try {
            this.ws();
            this.value(0);
            this.ws();
            if (this.p !== this.n)
                throw GIVE_UP;
            // Strings are copied byte for byte, so the skeleton is UTF-8 exactly when the file's strings are.
            if (this.nonAscii && !isUtf8(this.out.subarray(o, this.o)))
                ok = false;
        }
        catch (e) {
            if (e !== GIVE_UP)
                throw e;
            ok = false;
        }
        finally {
            this.b = EMPTY;
            this.dv = EMPTY_VIEW;
        }
        if (!ok) {
            this.nc = nc;
            this.nl = nl;
            this.o = o;
        }
        this.utf8 = this.nonAscii;
        return ok;
    }
    /** Whether the skeleton packed last holds non-ASCII (UTF-8) text. */
    utf8 = false;
    /** The skeletons so far (valid until the next pack). */
    get skeletons() {
        return this.out.subarray(0, this.o);
    }
    /** One file's skeleton as text, or null (for tests and single files): a batch of one. */
    packOne(bytes) {
        const start = this.o;
        if (!this.pack(bytes))
            return null;
        return this.out.toString(this.utf8 ? "utf8" : "latin1", start, this.o);
    }
    /** The lists and skeletons packed so far (copies, ready to transfer), and a fresh start. */
    take() {
        const lists = {
            coords: this.coords.slice(0, this.nc), starts: this.starts.slice(0, this.nl), counts: this.counts.slice(0, this.nl),
            skeletons: Uint8Array.prototype.slice.call(this.out, 0, this.o),
        };
        this.nc = 0;
        this.nl = 0;
        this.o = 0;
        return lists;
    }
    ws() {
        this.p = skipWs(this.b, this.dv, this.p, this.n);
    }
    room(k) {
        if (this.o + k > this.out.length)
            this.out = grownBuffer(this.out, this.o, k);
    }
    emit(c) {
        this.room(1);
        this.out[this.o++] = c;
    }
    value(depth) {
        if (this.p >= this.n)
            throw GIVE_UP;
        const c = this.b[this.p];
        if (c === 34 /* C.Quote */)
            this.string();
        else if (c === 123 /* C.OpenBrace */)
            this.object(depth + 1);
        else if (c === 91 /* C.OpenBracket */)
            this.array(depth + 1);
        else if (c === 45 /* C.Minus */ || (c >= 48 /* C.Zero */ && c <= 57 /* C.Nine */))
            this.number();
        else if (c === 0x74)
            this.literal("true");
        else if (c === 0x66)
            this.literal("false");
        else if (c === 0x6e)
            this.literal("null");
        else
            throw GIVE_UP;
    }
    literal(word) {
        const b = this.b;
        if (this.p + word.length > this.n)
            throw GIVE_UP;
        for (let i = 0; i < word.length; i++)
            if (b[this.p + i] !== word.charCodeAt(i))
                throw GIVE_UP;
        this.room(word.length);
        for (let i = 0; i < word.length; i++)
            this.out[this.o++] = word.charCodeAt(i);
        this.p += word.length;
    }
    /** Copies a string as written (escapes and all); gives up on control characters, bad escapes and DEL (the marker). */
    string() {
        const b = this.b, n = this.n;
        const start = this.p;
        let p = start + 1;
        for (;;) {
            if (p >= n)
                throw GIVE_UP;
            const c = b[p];
            if (c === 34 /* C.Quote */)
                break;
            if (c < 0x20 || c === POINT_LIST_MARKER)
                throw GIVE_UP;
            if (c >= 0x80)
                this.nonAscii = true;
            if (c === 92 /* C.Backslash */) {
                const e = p + 1 < n ? b[p + 1] : 0;
                if (ESCAPE[e] !== 1)
                    throw GIVE_UP;
                if (e === 117 /* C.LowerU */) {
                    if (p + 5 >= n || !HEX[b[p + 2]] || !HEX[b[p + 3]] || !HEX[b[p + 4]] || !HEX[b[p + 5]])
                        throw GIVE_UP;
                    // \u007f (or \u007F): the marker, escaped.
                    if (b[p + 2] === 48 /* C.Zero */ && b[p + 3] === 48 /* C.Zero */ && b[p + 4] === 0x37 && (b[p + 5] | 0x20) === 0x66)
                        throw GIVE_UP;
                    p += 6;
                }
                else
                    p += 2;
                continue;
            }
            p++;
        }
        p++; // the closing quote
        const len = p - start;
        this.room(len);
        const out = this.out;
        let o = this.o;
        if (len > 32) {
            out.set(b.subarray(start, p), o);
            o += len;
        }
        else
            for (let i = start; i < p; i++)
                out[o++] = b[i];
        this.o = o;
        this.p = p;
    }
    /** Checks a number's grammar and copies it as written. */
    number() {
        const start = this.p;
        const end = this.scanNumber();
        const len = end - start;
        this.room(len);
        for (let i = start; i < end; i++)
            this.out[this.o++] = this.b[i];
        this.p = end;
    }
    /** The end of the JSON number at p (grammar checked). */
    scanNumber() {
        const b = this.b, n = this.n;
        let p = this.p;
        if (p < n && b[p] === 45 /* C.Minus */)
            p++;
        if (p >= n)
            throw GIVE_UP;
        if (b[p] === 48 /* C.Zero */)
            p++;
        else if (b[p] > 48 /* C.Zero */ && b[p] <= 57 /* C.Nine */)
            while (p < n && b[p] >= 48 /* C.Zero */ && b[p] <= 57 /* C.Nine */)
                p++;
        else
            throw GIVE_UP;
        if (p < n && b[p] === 46 /* C.Dot */) {
            p++;
            const d = p;
            while (p < n && b[p] >= 48 /* C.Zero */ && b[p] <= 57 /* C.Nine */)
                p++;
            if (p === d)
                throw GIVE_UP;
        }
        if (p < n && (b[p] === 101 /* C.LowerE */ || b[p] === 69 /* C.UpperE */)) {
            p++;
            if (p < n && (b[p] === 43 /* C.Plus */ || b[p] === 45 /* C.Minus */))
                p++;
            const d = p;
            while (p < n && b[p] >= 48 /* C.Zero */ && b[p] <= 57 /* C.Nine */)
                p++;
            if (p === d)
                throw GIVE_UP;
        }
        return p;
    }
    object(depth) {
        if (depth > MAX_DEPTH)
            throw GIVE_UP;
        const b = this.b;
        this.p++;
        this.emit(123 /* C.OpenBrace */);
        this.ws();
        if (this.p < this.n && b[this.p] === 125 /* C.CloseBrace */) {
            this.p++;
            this.emit(125 /* C.CloseBrace */);
            return;
        }
        for (;;) {
            if (this.p >= this.n || b[this.p] !== 34 /* C.Quote */)
                throw GIVE_UP;
            this.string();
            this.ws();
            if (this.p >= this.n || b[this.p] !== 58 /* C.Colon */)
                throw GIVE_UP;
            this.p++;
            this.emit(58 /* C.Colon */);
            this.ws();
            this.value(depth);
            this.ws();
            if (this.closedBy(125 /* C.CloseBrace */))
                return;
        }
    }
    /** After a member or element: true at `close` (written), false after a comma (written, spaces after it skipped). */
    closedBy(close) {
        if (this.p >= this.n)
            throw GIVE_UP;
        const c = this.b[this.p++];
        if (c === 44 /* C.Comma */) {
            this.emit(44 /* C.Comma */);
            this.ws();
            return false;
        }
        if (c === close) {
            this.emit(close);
            return true;
        }
        throw GIVE_UP;
    }
    array(depth) {
        if (depth > MAX_DEPTH)
            throw GIVE_UP;
        const b = this.b;
        const open = this.p;
        this.p++;
        this.ws();
        if (this.p < this.n && b[this.p] === 93 /* C.CloseBracket */) {
            this.p++;
            this.room(2);
            this.out[this.o++] = 91 /* C.OpenBracket */;
            this.out[this.o++] = 93 /* C.CloseBracket */;
            return;
        }
        if (this.p < this.n && b[this.p] === 91 /* C.OpenBracket */ && this.points())
            return;
        this.p = open + 1;
        this.ws();
        this.emit(91 /* C.OpenBracket */);
        for (;;) {
            this.value(depth);
            this.ws();
            if (this.closedBy(93 /* C.CloseBracket */))
                return;
        }
    }
    /** At the first `[` of a list's first element: packs `[[x, y], …]` and writes its marker, else false (nothing kept). */
    points() {
        const b = this.b, n = this.n, dv = this.dv;
        const nc0 = this.nc;
        let nc = nc0;
        let coords = this.coords;
        let p = this.p;
        let count = 0;
        for (;;) {
            // [x, y]
            if (p >= n || b[p] !== 91 /* C.OpenBracket */)
                return this.undo(nc0);
            p++;
            p = skipWs(b, dv, p, n);
            p = readJsonNumber(b, p, n);
            if (p < 0)
                return this.undo(nc0); // no number here
            const x = jsonNumber[0];
            p = skipWs(b, dv, p, n);
            if (p >= n || b[p] !== 44 /* C.Comma */)
                return this.undo(nc0);
            p++;
            p = skipWs(b, dv, p, n);
            p = readJsonNumber(b, p, n);
            if (p < 0)
                return this.undo(nc0);
            const y = jsonNumber[0];
            p = skipWs(b, dv, p, n);
            if (p >= n || b[p] !== 93 /* C.CloseBracket */)
                return this.undo(nc0);
            p++;
            if (nc + 2 > coords.length) {
                this.nc = nc;
                this.growCoords();
                coords = this.coords;
            }
            coords[nc++] = x;
            coords[nc++] = y;
            count++;
            p = skipWs(b, dv, p, n);
            if (p >= n)
                return this.undo(nc0);
            const c = b[p++];
            if (c === 44 /* C.Comma */) {
                p = skipWs(b, dv, p, n);
                continue;
            }
            if (c === 93 /* C.CloseBracket */)
                break;
            return this.undo(nc0);
        }
        this.p = p;
        this.nc = nc;
        if (this.nl === this.starts.length) {
            const grow = (a) => {
                const next = new Int32Array(a.length * 2);
                next.set(a);
                return next;
            };
            this.starts = grow(this.starts);
            this.counts = grow(this.counts);
        }
        const k = this.nl++;
        this.starts[k] = nc0;
        this.counts[k] = count;
        const marker = `"${pointListStandIn(k)}"`;
        this.room(marker.length);
        for (let i = 0; i < marker.length; i++)
            this.out[this.o++] = marker.charCodeAt(i);
        return true;
    }
    undo(nc0) {
        this.nc = nc0;
        return false;
    }
    growCoords() {
        const next = new Float64Array(this.coords.length * 2);
        next.set(this.coords.subarray(0, this.nc));
        this.coords = next;
    }
}
/** The point lists of one packed file, for `annotationFromJson`: markers become points, and are ticked off. */
export class PackedPoints {
    lists;
    first;
    count;
    used;
    usedCount = 0;
    constructor(lists, first, count) {
        this.lists = lists;
        this.first = first;
        this.count = count;
        this.used = new Uint8Array(count);
    }
    /** List k (absolute) as [x, y] pairs, or null when k is not one of this file's lists. */
    take(marker) {
        const k = standInIndex(marker) - this.first;
        if (!(k >= 0 && k < this.count) || this.used[k])
            return null;
        this.used[k] = 1;
        this.usedCount++;
        const { coords, starts, counts } = this.lists;
        const start = starts[this.first + k], n = counts[this.first + k];
        const out = [];
        for (let i = 0, j = start; i < n; i++, j += 2)
            out.push([coords[j], coords[j + 1]]);
        return out;
    }
    /** Every list was taken (none is left in the skeleton as a string). */
    get allTaken() {
        return this.usedCount === this.count;
    }
    /** The parsed skeleton with every marker replaced by its points: what JSON.parse gives for the file. */
    unpack(v) {
        if (isPointListStandIn(v)) {
            const k = standInIndex(v) - this.first;
            const { coords, starts, counts } = this.lists;
            const start = starts[this.first + k], n = counts[this.first + k];
            const out = new Array(n);
            for (let i = 0, j = start; i < n; i++, j += 2)
                out[i] = [coords[j], coords[j + 1]];
            return out;
        }
        if (typeof v !== "object" || v === null)
            return v;
        if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++)
                v[i] = this.unpack(v[i]);
            return v;
        }
        const o = v;
        for (const key of Object.keys(o)) {
            const e = o[key];
            // A marker becomes a new value; objects and arrays are unpacked in place. (defineProperty: a key may be __proto__.)
            if (isPointListStandIn(e))
                Object.defineProperty(o, key, { value: this.unpack(e), writable: true, enumerable: true, configurable: true });
            else
                this.unpack(e);
        }
        return o;
    }
}
//# sourceMappingURL=packed.js.map