import type { CpuTask } from "./task.js";
/**
 * An error thrown inside a worker whose class is not one of the project's own (see reviveTaskError), rethrown in the
 * caller with the original message.
 */
export declare class CpuTaskError extends Error {
}
/**
 * A fixed set of worker threads for codec and rendering work, so that both cores are used. Each worker loads the
 * modules of the tasks it is given on first use. Idle workers never keep the process alive.
 */
export declare class CpuPool {
    readonly size: number;
    private readonly workers;
    /** Tasks handed to this pool so far. */
    tasksRun: number;
    constructor(size?: number);
    run<A extends unknown[], R>(task: CpuTask<A, R>, ...args: A): Promise<R>;
    /** Like run; the ArrayBuffers in `transfer` are moved to the worker, not copied (they are unusable here after). */
    runWith<A extends unknown[], R>(task: CpuTask<A, R>, args: A, transfer?: readonly ArrayBuffer[]): Promise<R>;
    close(): Promise<void>;
}
/** The process-wide pool, or null when workers are unavailable (then callers run inline). */
export declare function sharedCpuPool(): CpuPool | null;
/** Below this many tasks in a batch, message passing costs more than it saves. */
export declare const WORKER_BATCH_THRESHOLD = 8;
/**
 * Process-wide switches, for tests: `threshold` replaces WORKER_BATCH_THRESHOLD (1 sends every task to the pool,
 * Infinity keeps everything inline); `pool` replaces the shared pool (null: no pool).
 */
export declare const cpuPoolSettings: {
    threshold: number;
    pool?: CpuPool | null;
};
/**
 * Runs one task per argument list: in the shared pool when the batch is big enough, inline otherwise.
 * Results come back in order.
 */
export declare function runCpuBatch<A extends unknown[], R>(task: CpuTask<A, R>, argLists: A[]): Promise<R[]>;
/**
 * The per-item CPU tasks of one conversion, for writers that stream items with several in flight: the first
 * `threshold - 1` tasks run inline, so a small job never starts a worker; from the threshold-th task on, when there is
 * a pool, tasks go to it and the caller's thread is free for I/O meanwhile. Either way a task gives the same result.
 */
export declare class CpuTaskRunner {
    private tasks;
    run<A extends unknown[], R>(task: CpuTask<A, R>, args: A, transfer?: readonly ArrayBuffer[]): Promise<R>;
    private inline;
}
