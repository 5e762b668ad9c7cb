import { optionSetting } from "../../src/errors.js";
import { BitmapDataError, decodeBitmapData } from "../../src/codecs/bitmap.js";
import { createMask, pasteMask } from "../../src/codecs/mask.js";
import { rleArea, rleBounds, rleFromMask, rleFromPlacedMask, rleToJson } from "../../src/codecs/coco-rle.js";
import { fillPolygon, warnIfClipped } from "../../src/geometry/rasterize.js";
import { ringArea } from "../../src/geometry/bounds.js";
import { unpackRing } from "../../src/workers/packed.js";
import { boxOf } from "./annotation.js";
import { traceMask } from "../../src/geometry/trace-mask.js";
import { cpuTask } from "../../src/workers/task.js";
/** The report calls a conversion step makes, kept in order instead of made. */
export class ReportRecorder {
    events = [];
    lose(className, what, reason, count = 1) {
        this.events.push({ kind: "lose", className, what, reason, count });
    }
    warn(code, message, where = {}) {
        this.events.push({ kind: "warn", code, message, where });
    }
}
export function replayEvents(events, report) {
    for (const e of events) {
        if (e.kind === "lose")
            report.lose(e.className, e.what, e.reason, e.count);
        else
            report.warn(e.code, e.message, e.where);
    }
}
/** Whether computing this segmentation is real work (masks to decode or encode, a canvas to fill), worth a worker. */
export function segmentationIsHeavy(job, holes) {
    return job.bitmaps.length > 0 || (!job.polygons && holes);
}
const flatRing = (ring) => {
    const out = new Array(ring.length * 2);
    for (let i = 0; i < ring.length; i++) {
        out[2 * i] = ring[i][0];
        out[2 * i + 1] = ring[i][1];
    }
    return out;
};
export function computeSegmentation(job) {
    const report = new ReportRecorder();
    const { rings, where } = job;
    const bitmaps = [];
    for (const b of job.bitmaps) {
        try {
            bitmaps.push({ cls: b.cls, mask: b.mask ?? decodeBitmapData(b.data), x: b.x, y: b.y, listCounts: b.listCounts });
        }
        catch (e) {
            if (!(e instanceof BitmapDataError))
                throw e;
            report.lose(b.cls, "bitmap", `the bitmap data cannot be decoded (${e.message})`);
        }
    }
    const needRle = !job.polygons && (bitmaps.length > 0 || rings.some((r) => r.ring.interior.length > 0));
    let segmentation = [];
    let box = null;
    let area = null;
    if (needRle) {
        if (job.width === null || job.height === null) {
            for (const r of rings)
                report.lose(r.cls, "polygon", "the image size is unknown, and an RLE mask needs it");
            for (const b of bitmaps)
                report.lose(b.cls, "bitmap", "the image size is unknown, and an RLE mask needs it");
        }
        else {
            const { width, height } = job;
            let rle;
            let clipped = 0;
            if (rings.length === 0 && bitmaps.length === 1) {
                const b = bitmaps[0];
                const r = rleFromPlacedMask(b.mask, b.x, b.y, width, height);
                clipped = r.clipped;
                rle = r;
            }
            else {
                const canvas = createMask(width, height, "the image");
                for (const r of rings) {
                    warnIfClipped(report, { type: "polygon", exterior: r.ring.exterior, interior: r.ring.interior }, r.cls, width, height, where);
                    fillPolygon(canvas, r.ring.exterior, r.ring.interior, 1);
                }
                for (const b of bitmaps) {
                    pasteMask(canvas, b.mask, b.x, b.y, 1);
                    clipped += rleFromPlacedMask(b.mask, b.x, b.y, width, height).clipped;
                }
                rle = rleFromMask(canvas);
            }
            if (clipped)
                report.warn("coco-mask-clipped", `${clipped} mask pixels lie outside the ${width}×${height} image and are not written`, where);
            segmentation = rleToJson(rle, bitmaps.length && bitmaps.every((b) => b.listCounts) ? "list" : "string");
            const b = rleBounds(rle);
            if (b)
                box = [b.left, b.top, b.right - b.left + 1, b.bottom - b.top + 1];
            area = rleArea(rle);
        }
    }
    else {
        const polys = [];
        for (const r of rings) {
            polys.push(r.ring.exterior);
            if (r.ring.interior.length)
                report.lose(r.cls, "polygon hole", `COCO polygons cannot hold holes (${optionSetting("polygons", true)} writes the outline only)`, r.ring.interior.length);
        }
        for (const b of bitmaps) {
            const traced = traceMask(b.mask);
            for (const ring of traced.rings)
                polys.push(ring.map(([x, y]) => [x + b.x, y + b.y]));
            if (traced.holes)
                report.lose(b.cls, "mask hole", `COCO polygons cannot hold holes (${optionSetting("polygons", true)} traces the outline only)`, traced.holes);
        }
        if (polys.length) {
            segmentation = polys.map(flatRing);
            if (job.boxFromPolygons)
                box = boxOf({ polygons: polys });
            if (job.areaFromPolygons)
                area = polys.reduce((s, p) => s + ringArea(p), 0) - rings.reduce((s, r) => s + r.ring.interior.reduce((t, h) => t + ringArea(h), 0), 0);
        }
    }
    return { segmentation, box, area, events: report.events };
}
/** The worker task: the heavy segmentations of one image's annotations, in order. */
export function cocoSegmentations(jobs) {
    return jobs.map((j) => computeSegmentation({ ...j, rings: j.rings.map((r) => ({ cls: r.cls, ring: unpackRing(r.ring) })) }));
}
/** cocoSegmentations as a worker-pool task (COCO export). */
export const cocoSegmentationsTask = cpuTask(import.meta.url, "cocoSegmentations", cocoSegmentations);
//# sourceMappingURL=segmentation.js.map