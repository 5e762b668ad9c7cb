import { checkPixels } from "../limits.js";
/** A blank mask; `what` names it in the error when the size is over the pixel limit (src/limits.ts). */
export function createMask(width, height, what = "the mask") {
    checkPixels(width, height, what);
    return { width, height, data: new Uint8Array(width * height) };
}
export function maskArea(mask) {
    let n = 0;
    for (let i = 0; i < mask.data.length; i++)
        if (mask.data[i])
            n++;
    return n;
}
/** Tight bounding box of the non-zero pixels, inclusive; null when the mask is empty. */
export function maskBounds(mask) {
    const { width, height, data } = mask;
    let left = width, right = -1, top = height, bottom = -1;
    for (let y = 0; y < height; y++) {
        const row = y * width;
        let rowHas = false;
        for (let x = 0; x < width; x++) {
            if (data[row + x]) {
                rowHas = true;
                if (x < left)
                    left = x;
                if (x > right)
                    right = x;
            }
        }
        if (rowHas) {
            if (y < top)
                top = y;
            bottom = y;
        }
    }
    return right < 0 ? null : { left, top, right, bottom };
}
/** Crops a mask to its tight bounding box (Supervisely stores bitmaps that way, spec §3.5). */
export function cropMaskToContent(mask) {
    const b = maskBounds(mask);
    if (!b)
        return null;
    if (b.left === 0 && b.top === 0 && b.right === mask.width - 1 && b.bottom === mask.height - 1) {
        return { mask, x: 0, y: 0 };
    }
    const w = b.right - b.left + 1, h = b.bottom - b.top + 1;
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
        const src = (y + b.top) * mask.width + b.left;
        data.set(mask.data.subarray(src, src + w), y * w);
    }
    return { mask: { ...mask, width: w, height: h, data }, x: b.left, y: b.top };
}
/** Draws `mask` placed at (x, y) into a full image-sized canvas with `value`, clipping at the borders. */
export function pasteMask(canvas, mask, x0, y0, value) {
    // Only the rows and columns that land on the canvas are walked (an origin at 1e300 walks none).
    const yFrom = Math.max(0, -y0), yTo = Math.min(mask.height, canvas.height - y0);
    const xFrom = Math.max(0, -x0), xTo = Math.min(mask.width, canvas.width - x0);
    for (let y = yFrom; y < yTo; y++) {
        const src = y * mask.width, dst = (y + y0) * canvas.width + x0;
        for (let x = xFrom; x < xTo; x++)
            if (mask.data[src + x])
                canvas.data[dst + x] = value;
    }
}
//# sourceMappingURL=mask.js.map