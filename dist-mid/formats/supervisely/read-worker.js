/**
 * The annotation-reading thread: reads batches of annotation files and packs them (see packed.ts), so that the main
 * thread only parses skeletons. A file it cannot read or pack comes back without a skeleton and is read on the main
 * thread, which reports the problem as usual.
 */
import { closeSync, fstatSync, readSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { Packer } from "./packed.js";
import { maxTextFileBytes, openRegularFileSync } from "../../src/io/regular-file.js";
import { annotationOverLimits } from "../../src/supervisely/annotation-counts.js";
/** One buffer for every file read (grown as needed): reading allocates nothing per file. */
let readBuffer = Buffer.allocUnsafe(1 << 20);
/** A regular file's bytes (a view of readBuffer, valid until the next read), or null when it cannot be read. */
function readRegularFile(path) {
    let fd;
    try {
        fd = openRegularFileSync(path);
        const st = fstatSync(fd);
        // Over the limit of files read whole: not read here; the main thread refuses it, naming the file and the limit.
        if (!st.isFile() || st.size > maxTextFileBytes())
            return null;
        if (st.size + 1 > readBuffer.length)
            readBuffer = Buffer.allocUnsafe(Math.max(st.size + 1, readBuffer.length * 2));
        let n = 0;
        for (;;) {
            if (n === readBuffer.length) {
                const bigger = Buffer.allocUnsafe(readBuffer.length * 2);
                readBuffer.copy(bigger, 0, 0, n);
                readBuffer = bigger;
            }
            const k = readSync(fd, readBuffer, n, readBuffer.length - n, null);
            if (k === 0)
                break;
            n += k;
            if (n > maxTextFileBytes())
                return null; // it grew while being read
        }
        return readBuffer.subarray(0, n);
    }
    catch {
        return null;
    }
    finally {
        if (fd !== undefined)
            closeSync(fd);
    }
}
const packer = new Packer();
parentPort.on("message", ({ paths }) => {
    const n = paths.length;
    const skeletonStarts = new Int32Array(n), skeletonEnds = new Int32Array(n), utf8 = new Uint8Array(n);
    const firsts = new Int32Array(n), lists = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        const bytes = paths[i] ? readRegularFile(paths[i]) : null;
        const start = packer.o;
        firsts[i] = packer.nl;
        let ok = false;
        try {
            // A file over the labels or vertex limit is left to the main thread, which refuses it: packed, its points would
            // still become an array each there.
            ok = bytes !== null && annotationOverLimits(bytes) === null && packer.pack(bytes);
        }
        catch {
            ok = false; // (a bug here must not stop the read: the main thread reads the file itself)
        }
        skeletonStarts[i] = ok ? start : -1;
        skeletonEnds[i] = ok ? packer.o : -1;
        utf8[i] = ok && packer.utf8 ? 1 : 0;
        lists[i] = ok ? packer.nl - firsts[i] : 0;
    }
    // A very large file made the buffer grow: let it go rather than hold it while idle.
    if (readBuffer.length > 64 << 20)
        readBuffer = Buffer.allocUnsafe(1 << 20);
    const { coords, starts, counts, skeletons } = packer.take();
    const reply = { skeletonStarts, skeletonEnds, utf8, skeletons, firsts, lists, coords, starts, counts };
    const transfer = [coords, starts, counts, skeletons, skeletonStarts, skeletonEnds, utf8, firsts, lists].map((a) => a.buffer);
    parentPort.postMessage(reply, transfer);
});
//# sourceMappingURL=read-worker.js.map