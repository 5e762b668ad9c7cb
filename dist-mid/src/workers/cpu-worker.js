/**
 * The CPU pool's thread: runs the tasks it is sent (see task.ts), loading each task's module on first use, and
 * answers every job with one message, in the order the jobs came (pool.ts and thread.ts count on it).
 */
import { parentPort } from "node:worker_threads";
import { taskErrorData } from "./task-errors.js";
const modules = new Map();
async function taskFunction(job) {
    let mod = modules.get(job.module);
    if (!mod)
        modules.set(job.module, (mod = import(job.module)));
    const fn = (await mod)[job.exportName];
    if (typeof fn !== "function")
        throw new Error(`${job.module} exports no function ${job.exportName}`);
    return fn;
}
/**
 * Makes a result's byte arrays transferable: an array that owns its whole ArrayBuffer is moved; a view into a
 * larger buffer (Node's Buffer pool) is first copied into one of its own, so the rest of that buffer stays here.
 */
function detach(v, transfer, depth = 0) {
    if (ArrayBuffer.isView(v)) {
        if (!(v instanceof Uint8Array) || v.buffer instanceof SharedArrayBuffer)
            return v;
        const own = v.byteOffset === 0 && v.byteLength === v.buffer.byteLength ? v : new Uint8Array(v);
        if (!transfer.includes(own.buffer))
            transfer.push(own.buffer);
        return own;
    }
    if (depth > 4 || v === null || typeof v !== "object")
        return v;
    if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++)
            v[i] = detach(v[i], transfer, depth + 1);
        return v;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype)
        return v;
    for (const k of Object.keys(v))
        v[k] = detach(v[k], transfer, depth + 1);
    return v;
}
async function run(job) {
    let result;
    try {
        result = (await taskFunction(job))(...job.args);
    }
    catch (e) {
        parentPort.postMessage({ error: taskErrorData(e) });
        return;
    }
    const transfer = [];
    parentPort.postMessage({ result: detach(result, transfer) }, transfer);
}
// Jobs run one after another, in the order they came (a module still loading must not let a later job overtake).
let queue = Promise.resolve();
parentPort.on("message", (job) => {
    queue = queue.then(() => run(job));
});
//# sourceMappingURL=cpu-worker.js.map