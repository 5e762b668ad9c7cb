import os from "node:os";
import { Worker } from "node:worker_threads";
import { builtWorkerScript } from "./script.js";
import { cpuTasks, reviveTaskError, type CpuTaskName, type CpuTasks, type TaskErrorData } from "./cpu-tasks.js";

type Args<N extends CpuTaskName> = Parameters<CpuTasks[N]>;
type Result<N extends CpuTaskName> = ReturnType<CpuTasks[N]>;

/**
 * An error thrown inside a worker whose class is not one of the project's own (see reviveTaskError), rethrown in the
 * caller with the original message.
 */
export class CpuTaskError extends Error {}

interface Pending { resolve: (v: unknown) => void; reject: (e: Error) => void }

/**
 * A fixed set of worker threads for codec and rendering work, so that both cores are used. Workers are unref'd:
 * an idle pool never keeps the process alive.
 */
export class CpuPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Tasks handed to this pool so far. */
  tasksRun = 0;

  constructor(readonly size = Math.max(1, os.availableParallelism())) {
    const script = builtWorkerScript(import.meta.url, "cpu-worker.js");
    if (!script) throw new Error("worker script not built: run `npm run build`");
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      const slot = { worker, busy: 0 };
      worker.on("message", (m: { id: number; result?: unknown; error?: TaskErrorData }) => {
        slot.busy--;
        if (slot.busy === 0) worker.unref();
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (!p) return;
        if (m.error !== undefined) p.reject(reviveTaskError(m.error) ?? new CpuTaskError(m.error.message));
        else p.resolve(m.result);
      });
      worker.on("error", (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      // After the listeners: adding a "message" listener refs the worker again, and an idle pool must not keep the
      // process alive.
      worker.unref();
      this.workers.push(slot);
    }
  }

  run<N extends CpuTaskName>(name: N, ...args: Args<N>): Promise<Result<N>> {
    return this.runWith(name, args);
  }

  /** Like run; the ArrayBuffers in `transfer` are moved to the worker, not copied (they are unusable here after). */
  runWith<N extends CpuTaskName>(name: N, args: Args<N>, transfer: readonly ArrayBuffer[] = []): Promise<Result<N>> {
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    this.tasksRun++;
    return new Promise<Result<N>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (slot.busy === 0) slot.worker.ref();
      slot.busy++;
      // A buffer listed twice, or one already moved, cannot be transferred: those are copied instead.
      const list = [...new Set(transfer)].filter((b) => b.byteLength > 0);
      slot.worker.postMessage({ id, name, args }, list);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.workers.length = 0;
  }
}

let shared: CpuPool | null | undefined;

/** The process-wide pool, or null when workers are unavailable (then callers run inline). */
export function sharedCpuPool(): CpuPool | null {
  if (shared === undefined) {
    try {
      shared = os.availableParallelism() > 1 && !process.env.SLYCONV_NO_WORKERS ? new CpuPool() : null;
    } catch {
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
export const cpuPoolSettings: { threshold: number; pool?: CpuPool | null } = { threshold: WORKER_BATCH_THRESHOLD };

function activePool(): CpuPool | null {
  return cpuPoolSettings.pool !== undefined ? cpuPoolSettings.pool : sharedCpuPool();
}

function runInline<N extends CpuTaskName>(name: N, args: Args<N>): Result<N> {
  return (cpuTasks[name] as (...a: unknown[]) => Result<N>)(...(args as unknown[]));
}

/**
 * Runs one task per argument list: in the shared pool when the batch is big enough, inline otherwise.
 * Results come back in order.
 */
export async function runCpuBatch<N extends CpuTaskName>(name: N, argLists: Args<N>[]): Promise<Result<N>[]> {
  const pool = argLists.length >= cpuPoolSettings.threshold ? activePool() : null;
  if (!pool) return argLists.map((a) => runInline(name, a));
  return Promise.all(argLists.map((a) => pool.runWith(name, a)));
}

/**
 * The per-item CPU tasks of one conversion, for writers that stream items with several in flight: the first
 * `threshold - 1` tasks run inline, so a small job never starts a worker; from the threshold-th task on, when there is
 * a pool, tasks go to it and the caller's thread is free for I/O meanwhile. Either way a task gives the same result.
 */
export class CpuTaskRunner {
  private tasks = 0;

  run<N extends CpuTaskName>(name: N, args: Args<N>, transfer?: readonly ArrayBuffer[]): Promise<Result<N>> {
    this.tasks++;
    const pool = this.tasks >= cpuPoolSettings.threshold ? activePool() : null;
    if (pool) return pool.runWith(name, args, transfer);
    try {
      return Promise.resolve(runInline(name, args));
    } catch (e) {
      return Promise.reject(e);
    }
  }
}
