/**
 * The thread behind ThreadedRows (parse-thread.ts): parses the blocks of a COCO file's annotations it is sent, in
 * order, and answers each with the usual polygon annotations packed in typed arrays (kept-polygon.ts) and which rows
 * the reader must read itself, or with `skipped` when the reader claimed the block first. It reports nothing: every
 * annotation with something to say goes back to the reader. It does not know the categories (they may come last in
 * the file): the reader checks those of the kept rows.
 */
import { parentPort } from "node:worker_threads";
import { ElementReader } from "./json-scan.js";
import { ImageBudget, blockBuffers, parseBlock } from "./kept-polygon.js";
import { CLAIMED_BY_THREAD } from "./parse-thread.js";
/** The file, opened with the first request (a thread serves one file: ThreadedRows starts one per file). */
let reader = null;
/** Rows kept per image over the file's blocks this thread parses. */
const budget = new ImageBudget();
async function answer(r) {
    if (Atomics.compareExchange(r.claim, 0, 0, CLAIMED_BY_THREAD) !== 0) {
        const skipped = { skipped: true };
        parentPort.postMessage(skipped);
        return;
    }
    reader ??= ElementReader.open(r.file);
    const block = await parseBlock(await reader, r.offsets.length, (k) => r.offsets[k], (k) => r.lengths[k], r.withHash, budget, r.boundsOnly);
    const reply = { block };
    parentPort.postMessage(reply, blockBuffers(block));
}
// Requests are answered one after another, in the order they came.
let queue = Promise.resolve();
parentPort.on("message", (r) => {
    queue = queue.then(() => answer(r)).catch((e) => {
        const reply = { error: e instanceof Error ? e.message : String(e) };
        parentPort.postMessage(reply);
    });
});
//# sourceMappingURL=parse-worker.js.map