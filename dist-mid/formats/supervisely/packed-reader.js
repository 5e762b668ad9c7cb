/**
 * Main-thread side of the annotation-reading thread (read-worker.ts): batches of annotation files go out, packed
 * annotations come back in order. One thread for the process, started on first use and unref'd while idle, so it
 * never keeps the process alive. Without it (a single core, SLYCONV_NO_WORKERS, running from sources) the reader
 * reads files itself.
 */
import { startHelperThread } from "../../src/workers/script.js";
import { HelperThread } from "../../src/workers/thread.js";
import { PackedPoints } from "./packed.js";
import { annotationFromJson } from "./json-model.js";
class ReadWorker extends HelperThread {
    /** The files packed, in order; null entries (or all, when the thread is gone) are to be read here. */
    read(paths) {
        const unread = () => paths.map(() => null);
        if (this.failed)
            return Promise.resolve(unread());
        return this.request({ paths }).then(unbatch, unread);
    }
}
function unbatch(r) {
    const lists = { coords: r.coords, starts: r.starts, counts: r.counts };
    const text = Buffer.from(r.skeletons.buffer, r.skeletons.byteOffset, r.skeletons.length);
    const out = new Array(r.firsts.length);
    for (let i = 0; i < out.length; i++) {
        const start = r.skeletonStarts[i];
        out[i] = start < 0 ? null : {
            skeleton: text.toString(r.utf8[i] ? "utf8" : "latin1", start, r.skeletonEnds[i]),
            points: new PackedPoints(lists, r.firsts[i], r.lists[i]),
        };
    }
    return out;
}
let shared;
/** The process's reading thread, or null when there is none to have (also when running from the sources). */
export function readWorker() {
    if (shared === undefined) {
        const worker = import.meta.url.endsWith(".ts") ? null : startHelperThread(import.meta.url, "read-worker.js");
        shared = worker && new ReadWorker(worker, "annotation reading");
    }
    return shared?.failed ? null : shared;
}
/**
 * An annotation from its packed form (packed.ts): the skeleton parsed, the points made from the packed numbers.
 * Whatever does not go that way (a list where no points are read, a problem to report) is done again from the
 * skeleton unpacked, which is what JSON.parse gives for the file, so the result and any error are the usual ones.
 * Null when the skeleton does not parse (the file is then read plainly).
 */
export function annotationFromPacked(packed, meta, file) {
    let tree;
    try {
        tree = JSON.parse(packed.skeleton);
    }
    catch {
        return null;
    }
    try {
        const annotation = annotationFromJson(tree, meta, file, packed.points);
        if (packed.points.allTaken)
            return annotation;
    }
    catch {
        /* done again below */
    }
    return annotationFromJson(packed.points.unpack(JSON.parse(packed.skeleton)), meta, file);
}
//# sourceMappingURL=packed-reader.js.map