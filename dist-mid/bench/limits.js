/**
 * This machine's limits, measured in the same run as the conversions, so each figure reads as a ratio:
 * JSON.parse throughput, small-file and 37 KB-file write rates, image-header read rate.
 */
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { readImageSizes } from "../src/io/image-size.js";
async function measureJsonParse() {
    const records = Array.from({ length: 200_000 }, (_, i) => ({
        id: i, image_id: i >> 3, category_id: i % 80, bbox: [i % 640, i % 480, 31.5, 47.25], area: 1480.1, iscrowd: 0,
        segmentation: [[1.5, 2.5, 30.25, 2.5, 30.25, 40.75, 1.5, 40.75]],
    }));
    const text = JSON.stringify({ annotations: records });
    const started = process.hrtime.bigint();
    JSON.parse(text);
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    return Buffer.byteLength(text) / 1e6 / secs;
}
/** Files a second, 16 in flight, of `bodyBytes` (the size of a COCO image's annotation file in Supervisely form: ~37 KB). */
async function measureFileWrites(dir, bodyBytes) {
    await fs.mkdir(dir, { recursive: true });
    const n = 5000;
    const body = bodyBytes ? Buffer.alloc(bodyBytes, 0x20) : JSON.stringify({ description: "", size: { height: 480, width: 640 }, tags: [], objects: [] }, null, 4);
    const started = process.hrtime.bigint();
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
        while (next < n)
            await fs.writeFile(path.join(dir, `f${next++}.json`), body);
    }));
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    return n / secs;
}
async function measureImageHeaders(dir) {
    await fs.mkdir(dir, { recursive: true });
    const n = 2000;
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#336699" } }).png().toBuffer();
    const jpg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#996633" } }).jpeg().toBuffer();
    const files = [];
    for (let i = 0; i < n; i++) {
        const f = path.join(dir, `i${i}.${i % 2 ? "png" : "jpg"}`);
        await fs.writeFile(f, i % 2 ? png : jpg);
        files.push(f);
    }
    const started = process.hrtime.bigint();
    await readImageSizes(files);
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    return n / secs;
}
/** Leaves its files under `scratch` for the caller to remove after the run (see run.ts). */
export async function measureLimits(scratch) {
    return {
        jsonParseMBps: await measureJsonParse(),
        smallFileWritesPerSec: await measureFileWrites(path.join(scratch, "limits-writes")),
        annotationFileWritesPerSec: await measureFileWrites(path.join(scratch, "limits-writes-37k"), 37_000),
        imageHeaderReadsPerSec: await measureImageHeaders(path.join(scratch, "limits-images")),
    };
}
//# sourceMappingURL=limits.js.map