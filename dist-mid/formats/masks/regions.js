/**
 * One placed mask per value v > 0 of `values` (a row-major label image), in ascending value order.
 */
export function regionsByValue(values, width, height) {
    const boxes = new Map();
    // Pixels come in runs of one value: the last value's box is kept at hand instead of a lookup per pixel.
    let lastV = 0;
    let last;
    const visit = (i, v) => {
        const y = (i / width) | 0, x = i - y * width;
        if (v !== lastV) {
            lastV = v;
            last = boxes.get(v);
            if (!last) {
                boxes.set(v, (last = { l: x, t: y, r: x, b: y, n: 1 }));
                return;
            }
        }
        const box = last;
        if (x < box.l)
            box.l = x;
        if (x > box.r)
            box.r = x;
        box.b = y;
        box.n++;
    };
    const n = width * height;
    let start = 0;
    // Most of a label image is background: runs of 0 are passed over a 32-bit word (4 or 2 pixels) at a time.
    if ((values instanceof Uint8Array || values instanceof Uint16Array) && values.byteOffset % 4 === 0) {
        const per = 4 / values.BYTES_PER_ELEMENT;
        const words = Math.floor(n / per);
        const w32 = new Uint32Array(values.buffer, values.byteOffset, words);
        for (let j = 0; j < words; j++) {
            if (w32[j] === 0)
                continue;
            for (let i = j * per; i < j * per + per; i++)
                if (values[i] > 0)
                    visit(i, values[i]);
        }
        start = words * per;
    }
    for (let i = start; i < n; i++) {
        const v = values[i];
        if (v > 0)
            visit(i, v);
    }
    const out = new Map();
    for (const v of [...boxes.keys()].sort((a, b) => a - b)) {
        const { l, t, r, b, n } = boxes.get(v);
        const w = r - l + 1, h = b - t + 1;
        const data = new Uint8Array(w * h);
        for (let y = 0; y < h; y++) {
            const row = (y + t) * width + l;
            for (let x = 0; x < w; x++)
                if (values[row + x] === v)
                    data[y * w + x] = 1;
        }
        out.set(v, { x: l, y: t, mask: { width: w, height: h, data }, area: n });
    }
    return out;
}
/**
 * Connected components of a placed mask, in the order their first pixel is met scanning rows top to bottom,
 * each cropped to its own box. 8-connectivity joins diagonal neighbours; 4 only edge neighbours.
 */
export function connectedComponents(region, connectivity) {
    const { width: w, height: h, data } = region.mask;
    const label = new Int32Array(w * h);
    const stack = new Int32Array(w * h);
    const boxes = [];
    const dx = connectivity === 8 ? [-1, 0, 1, -1, 1, -1, 0, 1] : [0, -1, 1, 0];
    const dy = connectivity === 8 ? [-1, -1, -1, 0, 0, 1, 1, 1] : [-1, 0, 0, 1];
    for (let start = 0; start < w * h; start++) {
        if (!data[start] || label[start])
            continue;
        const id = boxes.length + 1;
        const box = { l: start % w, t: Math.floor(start / w), r: start % w, b: Math.floor(start / w), n: 0 };
        boxes.push(box);
        let top = 0;
        stack[top++] = start;
        label[start] = id;
        while (top > 0) {
            const p = stack[--top];
            const px = p % w, py = (p - px) / w;
            box.n++;
            if (px < box.l)
                box.l = px;
            if (px > box.r)
                box.r = px;
            if (py < box.t)
                box.t = py;
            if (py > box.b)
                box.b = py;
            for (let k = 0; k < dx.length; k++) {
                const nx = px + dx[k], ny = py + dy[k];
                if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                    continue;
                const q = ny * w + nx;
                if (data[q] && !label[q]) {
                    label[q] = id;
                    stack[top++] = q;
                }
            }
        }
    }
    return boxes.map((box, i) => {
        const cw = box.r - box.l + 1, ch = box.b - box.t + 1;
        const out = new Uint8Array(cw * ch);
        for (let y = 0; y < ch; y++) {
            for (let x = 0; x < cw; x++)
                if (label[(y + box.t) * w + x + box.l] === i + 1)
                    out[y * cw + x] = 1;
        }
        return { x: region.x + box.l, y: region.y + box.t, mask: { width: cw, height: ch, data: out }, area: box.n };
    });
}
//# sourceMappingURL=regions.js.map