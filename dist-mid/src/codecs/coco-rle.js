import { checkPixels, withinPixelLimit } from "../limits.js";
/** The RLE could not be decoded; the message says why (it becomes a per-annotation warning). */
export class CocoRleError extends Error {
}
const CHAR_BASE = 48;
const GROUP = 32; // 5-bit groups
const MORE = 0x20;
const SIGN = 0x10;
/**
 * Decodes the compressed counts string. Arithmetic instead of 32-bit shifts so that counts beyond 2^31 (huge masks)
 * stay exact.
 */
export function decodeRleCounts(s) {
    const counts = [];
    let p = 0;
    while (p < s.length) {
        let x = 0;
        let scale = 1;
        let more = true;
        let c = 0;
        while (more) {
            if (p >= s.length)
                throw new CocoRleError("compressed RLE counts end in the middle of a number");
            c = s.charCodeAt(p++) - CHAR_BASE;
            if (c < 0 || c > 63)
                throw new CocoRleError(`compressed RLE counts hold an invalid character ${JSON.stringify(s[p - 1])} at ${p - 1}`);
            x += (c & 0x1f) * scale;
            scale *= GROUP;
            more = (c & MORE) !== 0;
        }
        if (c & SIGN)
            x -= scale; // sign-extend: the value was x - 2^(5k)
        if (counts.length > 2)
            x += counts[counts.length - 2];
        counts.push(x);
    }
    return counts;
}
/** Encodes counts as the compressed string (the inverse of decodeRleCounts). */
export function encodeRleCounts(counts) {
    let out = "";
    for (let i = 0; i < counts.length; i++) {
        let x = counts[i];
        if (i > 2)
            x -= counts[i - 2];
        for (;;) {
            const low = x - Math.floor(x / GROUP) * GROUP; // 0..31 also for negative x
            x = Math.floor(x / GROUP);
            // Stop once the rest is pure sign extension of the group just written.
            const more = low & SIGN ? x !== -1 : x !== 0;
            out += String.fromCharCode(CHAR_BASE + (more ? low | MORE : low));
            if (!more)
                break;
        }
    }
    return out;
}
/**
 * Reads and checks an RLE object from JSON: `size` of two whole numbers, `counts` a string or a list of
 * non-negative whole numbers summing to height * width.
 */
export function rleFromJson(v) {
    if (typeof v !== "object" || v === null || Array.isArray(v))
        throw new CocoRleError("an RLE must be an object {size, counts}");
    const { size, counts } = v;
    if (!Array.isArray(size) || size.length !== 2 || !size.every((n) => Number.isInteger(n) && n >= 0)) {
        throw new CocoRleError("RLE `size` must be [height, width] of two whole numbers");
    }
    const [height, width] = size;
    // Before the counts are decoded: every use of an RLE makes a buffer of its size or of its content's box. Over the
    // limit it is refused like any unusable RLE (the reader warns and goes on with the rest).
    if (!withinPixelLimit(width, height)) {
        try {
            checkPixels(width, height, "the RLE mask");
        }
        catch (e) {
            throw new CocoRleError(e.message);
        }
    }
    let nums;
    if (typeof counts === "string")
        nums = decodeRleCounts(counts);
    else if (Array.isArray(counts)) {
        for (const n of counts)
            if (!Number.isInteger(n) || n < 0)
                throw new CocoRleError("RLE `counts` must hold non-negative whole numbers");
        nums = counts;
    }
    else
        throw new CocoRleError("RLE `counts` must be a string or a list of numbers");
    let sum = 0;
    for (const n of nums) {
        if (n < 0)
            throw new CocoRleError("RLE `counts` decode to a negative run");
        sum += n;
    }
    if (sum !== height * width)
        throw new CocoRleError(`RLE counts cover ${sum} pixels, but size ${height}×${width} has ${height * width}`);
    return { height, width, counts: nums };
}
export function rleToJson(rle, form = "string") {
    return { size: [rle.height, rle.width], counts: form === "string" ? encodeRleCounts(rle.counts) : [...rle.counts] };
}
/** Number of 1 pixels. */
export function rleArea(rle) {
    let n = 0;
    for (let i = 1; i < rle.counts.length; i += 2)
        n += rle.counts[i];
    return n;
}
/** Calls fn(x, yFrom, yTo) for every vertical segment of 1 pixels (inclusive rows), column by column. */
function forEachOnSegment(rle, fn) {
    const h = rle.height;
    if (h === 0)
        return;
    let p = 0;
    for (let i = 0; i < rle.counts.length; i++) {
        const n = rle.counts[i];
        if (i & 1 && n > 0) {
            let start = p;
            const end = p + n; // exclusive
            while (start < end) {
                const x = Math.floor(start / h);
                const y0 = start - x * h;
                const colEnd = Math.min(end, (x + 1) * h);
                fn(x, y0, colEnd - 1 - x * h);
                start = colEnd;
            }
        }
        p += n;
    }
}
/** Tight box of the 1 pixels (inclusive), or null for an empty mask. */
export function rleBounds(rle) {
    let left = Infinity, top = Infinity, right = -1, bottom = -1;
    forEachOnSegment(rle, (x, y0, y1) => {
        if (x < left)
            left = x;
        if (x > right)
            right = x;
        if (y0 < top)
            top = y0;
        if (y1 > bottom)
            bottom = y1;
    });
    return right < 0 ? null : { left, top, right, bottom };
}
/** The full-size row-major mask. */
export function rleToMask(rle) {
    const { width, height } = rle;
    const data = new Uint8Array(width * height);
    forEachOnSegment(rle, (x, y0, y1) => {
        for (let y = y0; y <= y1; y++)
            data[y * width + x] = 1;
    });
    return { width, height, data };
}
/**
 * The mask cropped to its content and where it sits (what a Supervisely bitmap stores), without allocating the
 * full image. Null for an empty mask.
 */
export function rleToCroppedMask(rle) {
    const b = rleBounds(rle);
    if (!b)
        return null;
    const w = b.right - b.left + 1, h = b.bottom - b.top + 1;
    const data = new Uint8Array(w * h);
    forEachOnSegment(rle, (x, y0, y1) => {
        const cx = x - b.left;
        for (let y = y0; y <= y1; y++)
            data[(y - b.top) * w + cx] = 1;
    });
    return { mask: { width: w, height: h, data }, x: b.left, y: b.top };
}
/** RLE of a full-size row-major mask. */
export function rleFromMask(mask) {
    return rleFromPlacedMask(mask, 0, 0, mask.width, mask.height);
}
/**
 * RLE of an image of `width`×`height` that is empty except for `mask` placed with its top-left pixel at (x0, y0).
 * Pixels outside the image are clipped (the count of clipped 1 pixels is returned so callers can report it).
 * Work is proportional to the mask, not to the image.
 */
export function rleFromPlacedMask(mask, x0, y0, width, height) {
    const counts = [];
    let current = 0; // value of the run being counted (runs start with zeros)
    let run = 0;
    const zeros = (n) => {
        if (n <= 0)
            return;
        if (current === 0)
            run += n;
        else {
            counts.push(run);
            current = 0;
            run = n;
        }
    };
    const { width: mw, height: mh, data } = mask;
    const xFrom = Math.max(0, x0), xTo = Math.min(width - 1, x0 + mw - 1);
    const yFrom = Math.max(0, y0), yTo = Math.min(height - 1, y0 + mh - 1);
    // Everything before the first covered column is zeros.
    if (xFrom <= xTo && yFrom <= yTo) {
        zeros(xFrom * height);
        for (let x = xFrom; x <= xTo; x++) {
            zeros(yFrom);
            // The column's pixels, one by one (the inner loop of the encoder).
            for (let i = (yFrom - y0) * mw + (x - x0), end = (yTo - y0) * mw + (x - x0); i <= end; i += mw) {
                const v = data[i];
                if (v === current)
                    run++;
                else {
                    counts.push(run);
                    current = v;
                    run = 1;
                }
            }
            zeros(height - 1 - yTo);
        }
        zeros((width - 1 - xTo) * height);
    }
    else
        zeros(width * height);
    counts.push(run);
    // Pixels set outside the image (only a mask that reaches beyond it has any).
    let clipped = 0;
    if (x0 < 0 || y0 < 0 || x0 + mw > width || y0 + mh > height) {
        for (let y = 0; y < mh; y++) {
            for (let x = 0; x < mw; x++) {
                const ix = x + x0, iy = y + y0;
                if ((ix < 0 || iy < 0 || ix >= width || iy >= height) && data[y * mw + x])
                    clipped++;
            }
        }
    }
    return { height, width, counts, clipped };
}
/** Pixel-wise union of RLEs of the same size. */
export function rleUnion(rles) {
    if (rles.length === 1)
        return rles[0];
    const { width, height } = rles[0];
    const mask = { width, height, data: new Uint8Array(width * height) };
    for (const r of rles) {
        if (r.width !== width || r.height !== height)
            throw new CocoRleError("cannot merge RLEs of different sizes");
        forEachOnSegment(r, (x, y0, y1) => {
            for (let y = y0; y <= y1; y++)
                mask.data[y * width + x] = 1;
        });
    }
    return rleFromMask(mask);
}
//# sourceMappingURL=coco-rle.js.map