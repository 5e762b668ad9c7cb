// Directions: east, south, west, north (y grows downwards).
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];
export function traceMask(mask) {
    const { width: w, height: h, data } = mask;
    const at = (x, y) => x >= 0 && y >= 0 && x < w && y < h && data[y * w + x] !== 0;
    // Component labels (4-connected foreground) so each group is traced once.
    const label = new Int32Array(w * h);
    const rings = [];
    let next = 0;
    const stack = [];
    for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
            const p = y * w + x;
            if (!data[p] || label[p])
                continue;
            next++;
            label[p] = next;
            stack.push(p);
            while (stack.length) {
                const q = stack.pop();
                const qx = q % w, qy = (q - qx) / w;
                for (let d = 0; d < 4; d++) {
                    const nx = qx + DX[d], ny = qy + DY[d];
                    if (at(nx, ny) && !label[ny * w + nx]) {
                        label[ny * w + nx] = next;
                        stack.push(ny * w + nx);
                    }
                }
            }
            // (x, y) is the group's first pixel in row order: its top edge is on the outer boundary.
            rings.push(traceOuter(x, y, (px, py) => at(px, py) && label[py * w + px] === next));
        }
    }
    return { rings, holes: countHoles(mask) };
}
/**
 * Follows the boundary with the group on the right-hand side, starting east along the top edge of (x0, y0).
 * At each corner: the pixel ahead-right outside → turn right; ahead-left inside too → turn left; else straight.
 * Turning right when only ahead-left is inside keeps diagonal neighbours apart (4-connectivity).
 */
function traceOuter(x0, y0, inside) {
    const ring = [];
    let cx = x0, cy = y0, d = 0;
    const aheadPixels = (x, y, dir) => {
        switch (dir) {
            case 0: return [inside(x, y - 1), inside(x, y)]; // east: left = NE, right = SE
            case 1: return [inside(x, y), inside(x - 1, y)]; // south: left = SE, right = SW
            case 2: return [inside(x - 1, y), inside(x - 1, y - 1)]; // west: left = SW, right = NW
            default: return [inside(x - 1, y - 1), inside(x, y - 1)]; // north: left = NW, right = NE
        }
    };
    ring.push([cx, cy]);
    for (let guard = 0; guard < 1e9; guard++) {
        cx += DX[d];
        cy += DY[d];
        const [left, right] = aheadPixels(cx, cy, d);
        const nd = !right ? (d + 1) % 4 : left ? (d + 3) % 4 : d;
        if (cx === x0 && cy === y0 && nd === 0)
            break;
        if (nd !== d)
            ring.push([cx, cy]);
        d = nd;
    }
    return ring;
}
/** Background groups (8-connected, the dual of 4-connected foreground) that do not reach the mask's border. */
function countHoles(mask) {
    const { width: w, height: h, data } = mask;
    const seen = new Uint8Array(w * h);
    let holes = 0;
    const stack = [];
    for (let p = 0; p < w * h; p++) {
        if (data[p] || seen[p])
            continue;
        let touchesBorder = false;
        seen[p] = 1;
        stack.push(p);
        while (stack.length) {
            const q = stack.pop();
            const qx = q % w, qy = (q - qx) / w;
            if (qx === 0 || qy === 0 || qx === w - 1 || qy === h - 1)
                touchesBorder = true;
            for (let dy = -1; dy <= 1; dy++) {
                for (let dx = -1; dx <= 1; dx++) {
                    const nx = qx + dx, ny = qy + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                        continue;
                    const n = ny * w + nx;
                    if (!data[n] && !seen[n]) {
                        seen[n] = 1;
                        stack.push(n);
                    }
                }
            }
        }
        if (!touchesBorder)
            holes++;
    }
    return holes;
}
//# sourceMappingURL=trace-mask.js.map