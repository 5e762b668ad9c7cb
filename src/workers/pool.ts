import os from "node:os";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { cpuTasks, type CpuTaskName, type CpuTasks } from "./cpu-tasks.js";

type Args<N extends CpuTaskName> = Parameters<CpuTasks[N]>;
type Result<N extends CpuTaskName> = ReturnType<CpuTasks[N]>;

/** An error thrown inside a worker, rethrown in the caller with the original message. */
export class CpuTaskError extends Error {}

/** The compiled worker script; under vitest the sources are .ts, so the built copy in dist/ is used. */
function workerScript(): string | null {
  const here = fileURLToPath(import.meta.url);
  const candidates = here.endsWith(".ts")
    ? [here.replace(/[\\/]src[\\/]workers[\\/]pool\.ts$/, "/dist/src/workers/cpu-worker.js")]
    : [here.replace(/pool\.js$/, "cpu-worker.js")];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

interface Pending { resolve: (v: unknown) => void; reject: (e: Error) => void }

/**
 * A fixed set of worker threads for codec and rendering work, so that both cores are used. Workers are unref'd:
 * an idle pool never keeps the process alive.
 */
export class CpuPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(readonly size = Math.max(1, os.availableParallelism())) {
    const script = workerScript();
    if (!script) throw new Error("worker script not built: run `npm run build`");
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      worker.unref();
      const slot = { worker, busy: 0 };
      worker.on("message", (m: { id: number; result?: unknown; error?: string }) => {
        slot.busy--;
        if (slot.busy === 0) worker.unref();
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (!p) return;
        if (m.error !== undefined) p.reject(new CpuTaskError(m.error));
        else p.resolve(m.result);
      });
      worker.on("error", (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(slot);
    }
  }

  run<N extends CpuTaskName>(name: N, ...args: Args<N>): Promise<Result<N>> {
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    return new Promise<Result<N>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (slot.busy === 0) slot.worker.ref();
      slot.busy++;
      slot.worker.postMessage({ id, name, args });
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
 * Runs one task per argument list: in the shared pool when the batch is big enough, inline otherwise.
 * Results come back in order.
 */
export async function runCpuBatch<N extends CpuTaskName>(name: N, argLists: Args<N>[]): Promise<Result<N>[]> {
  const pool = argLists.length >= WORKER_BATCH_THRESHOLD ? sharedCpuPool() : null;
  if (!pool) {
    const fn = cpuTasks[name] as (...a: unknown[]) => Result<N>;
    return argLists.map((a) => fn(...a));
  }
  return Promise.all(argLists.map((a) => pool.run(name, ...a)));
}
