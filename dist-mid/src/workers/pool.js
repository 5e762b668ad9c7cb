import os from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { builtWorkerScript } from "./script.js";
import { HelperThread } from "./thread.js";
import { reviveTaskError } from "./task-errors.js";
import { interruptedSignal } from "../io/cleanup.js";
/**
 * An error thrown inside a worker whose class is not one of the project's own (see reviveTaskError), rethrown in the
 * caller with the original message.
 */
export class CpuTaskError extends Error {
}
/** The built module a worker loads for `task` (under vitest, dist/'s copy of the .ts module the task names). */
const builtModules = new Map();
function builtModule(task) {
    let url = builtModules.get(task.module);
    if (url === undefined) {
        const file = task.module.replace(/^.*\//, "").replace(/\.ts$/, ".js");
        const script = builtWorkerScript(task.module, file);
        if (!script)
            throw new Error(`${task.module} is not built: run \`npm run build\``);
        url = pathToFileURL(script).href;
        builtModules.set(task.module, url);
    }
    return url;
}
/**
 * A fixed set of worker threads for codec and rendering work, so that both cores are used. Each worker loads the
 * modules of the tasks it is given on first use. Idle workers never keep the process alive.
 */
export class CpuPool {
    size;
    workers = [];
    /** Tasks handed to this pool so far. */
    tasksRun = 0;
    constructor(size = Math.max(1, os.availableParallelism())) {
        this.size = size;
        const script = builtWorkerScript(import.meta.url, "cpu-worker.js");
        if (!script)
            throw new Error("worker script not built: run `npm run build`");
        for (let i = 0; i < size; i++)
            this.workers.push(new HelperThread(new Worker(script), "CPU pool"));
    }
    run(task, ...args) {
        return this.runWith(task, args);
    }
    /** Like run; the ArrayBuffers in `transfer` are moved to the worker, not copied (they are unusable here after). */
    async runWith(task, args, transfer = []) {
        const thread = this.workers.reduce((a, b) => (b.pending < a.pending ? b : a));
        this.tasksRun++;
        // A buffer listed twice, or one already moved, cannot be transferred: those are copied instead.
        const list = [...new Set(transfer)].filter((b) => b.byteLength > 0);
        const reply = await thread.request({ module: builtModule(task), exportName: task.exportName, args }, list);
        if ("error" in reply)
            throw reviveTaskError(reply.error) ?? new CpuTaskError(reply.error.message);
        return reply.result;
    }
    async close() {
        await Promise.all(this.workers.map((w) => w.stop()));
        this.workers.length = 0;
    }
}
let shared;
/** The process-wide pool, or null when workers are unavailable (then callers run inline). */
export function sharedCpuPool() {
    if (shared === undefined) {
        try {
            shared = os.availableParallelism() > 1 && !process.env.SLYCONV_NO_WORKERS ? new CpuPool() : null;
        }
        catch {
            shared = null;
        }
    }
    return shared;
}
/** Below this many tasks in a batch, message passing costs more than it saves. */
export const WORKER_BATCH_THRESHOLD = 8;
/**
 * Process-wide switches, for tests: `threshold` replaces WORKER_BATCH_THRESHOLD (1 sends every task to the pool,
 * Infinity keeps everything inline); `pool` replaces the shared pool (null: no pool).
 */
export const cpuPoolSettings = { threshold: WORKER_BATCH_THRESHOLD };
function activePool() {
    return cpuPoolSettings.pool !== undefined ? cpuPoolSettings.pool : sharedCpuPool();
}
/**
 * Runs one task per argument list: in the shared pool when the batch is big enough, inline otherwise.
 * Results come back in order.
 */
export async function runCpuBatch(task, argLists) {
    const pool = argLists.length >= cpuPoolSettings.threshold ? activePool() : null;
    if (!pool)
        return argLists.map((a) => task.fn(...a));
    return Promise.all(argLists.map((a) => pool.runWith(task, a)));
}
/**
 * The per-item CPU tasks of one conversion, for writers that stream items with several in flight: the first
 * `threshold - 1` tasks run inline, so a small job never starts a worker; from the threshold-th task on, when there is
 * a pool, tasks go to it and the caller's thread is free for I/O meanwhile. Either way a task gives the same result.
 */
export class CpuTaskRunner {
    tasks = 0;
    run(task, args, transfer) {
        this.tasks++;
        const pool = this.tasks >= cpuPoolSettings.threshold ? activePool() : null;
        if (pool)
            return pool.runWith(task, args, transfer);
        // One at a time, each after a turn of the event loop: the items in flight would otherwise run their tasks back to
        // back (in one microtask chain, or in one check phase) for seconds on a loaded machine while Ctrl-C and SIGTERM
        // wait for the loop. Once a signal is ending the process, no further task starts (its handler ends the process).
        const result = this.inline.then(() => new Promise((resolve) => setImmediate(resolve)))
            .then(() => (interruptedSignal() ? new Promise(() => { }) : task.fn(...args)));
        this.inline = result.then(() => undefined, () => undefined);
        return result;
    }
    inline = Promise.resolve();
}
//# sourceMappingURL=pool.js.map