import { encodeGrayPng, encodePalettePng } from "../../src/codecs/png-encode.js";
import { drawGeometry } from "../../src/geometry/rasterize.js";
import { geometryBounds } from "../../src/geometry/bounds.js";
import { unpackGeometry, unpackPalette } from "../../src/workers/packed.js";
import { cpuTask } from "../../src/workers/task.js";
import { checkPixels } from "../../src/limits.js";
/** Draws a geometry into a scratch canvas and lifts it out as a cropped mask; the scratch is left clean. */
export function rasterizeLabel(g, scratch) {
    const { width, height, data } = scratch;
    const b = geometryBounds(g);
    if (!b)
        return null;
    const l = Math.max(0, Math.floor(b.left) - 1), t = Math.max(0, Math.floor(b.top) - 1);
    const r = Math.min(width - 1, Math.ceil(b.right) + 1), btm = Math.min(height - 1, Math.ceil(b.bottom) + 1);
    if (l > r || t > btm)
        return null;
    drawGeometry(scratch, g, 1);
    let minX = Infinity, minY = Infinity, maxX = -1, maxY = -1, area = 0;
    for (let y = t; y <= btm; y++) {
        for (let x = l; x <= r; x++) {
            if (!data[y * width + x])
                continue;
            area++;
            if (x < minX)
                minX = x;
            if (x > maxX)
                maxX = x;
            if (y < minY)
                minY = y;
            maxY = y;
        }
    }
    let placed = null;
    if (area) {
        const w = maxX - minX + 1, h = maxY - minY + 1;
        const out = new Uint8Array(w * h);
        for (let y = 0; y < h; y++)
            out.set(data.subarray((y + minY) * width + minX, (y + minY) * width + minX + w), y * w);
        placed = { x: minX, y: minY, mask: { width: w, height: h, data: out }, area };
    }
    for (let y = t; y <= btm; y++)
        data.fill(0, y * width + l, y * width + r + 1);
    return placed;
}
function paste(canvas, width, p, value) {
    const { mask } = p;
    for (let y = 0; y < mask.height; y++) {
        const row = (y + p.y) * width + p.x;
        for (let x = 0; x < mask.width; x++)
            if (mask.data[y * mask.width + x])
                canvas[row + x] = value;
    }
}
export function renderMaskLayers(job) {
    const { width, height } = job;
    checkPixels(width, height, "the image");
    const scratch = { width, height, data: new Uint8Array(width * height) };
    const outcomes = [];
    const drawn = [];
    const perClass = new Map();
    for (const label of job.labels) {
        let placed;
        try {
            placed = rasterizeLabel(unpackGeometry(label.geometry), scratch);
        }
        catch (e) {
            outcomes.push({ error: e.message });
            continue;
        }
        if (!placed) {
            outcomes.push("empty");
            continue;
        }
        outcomes.push("drawn");
        const classOrder = (perClass.get(label.index) ?? 0) + 1;
        perClass.set(label.index, classOrder);
        drawn.push({ index: label.index, placed, classOrder, object: label.object });
    }
    const machine = new Uint8Array(width * height);
    const order = [...drawn].sort((a, b) => b.placed.area - a.placed.area || a.index - b.index || a.classOrder - b.classOrder);
    for (const d of order)
        paste(machine, width, d.placed, d.index);
    const objects = new Map();
    for (const d of drawn) {
        const parts = objects.get(d.object);
        if (parts)
            parts.push(d.placed);
        else
            objects.set(d.object, [d.placed]);
    }
    const out = {
        outcomes,
        machinePng: encodeGrayPng(width, height, machine),
        semanticPng: encodePalettePng(width, height, machine, unpackPalette(job.palette)),
        instancePngs: [...objects.values()].map((parts) => {
            const full = new Uint8Array(width * height);
            for (const p of parts)
                paste(full, width, p, 255);
            return encodeGrayPng(width, height, full);
        }),
        instanceObjects: [...objects.keys()],
    };
    if (job.keepMachine)
        out.machine = machine;
    return out;
}
/** renderMaskLayers as a worker-pool task (masks export). */
export const renderMaskLayersTask = cpuTask(import.meta.url, "renderMaskLayers", renderMaskLayers);
//# sourceMappingURL=render.js.map