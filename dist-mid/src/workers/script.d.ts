import { Worker } from "node:worker_threads";
/**
 * The compiled worker script `name` (e.g. "cpu-worker.js") beside the module at `moduleUrl`, or null when it is not
 * built. Running from the TypeScript sources (vitest), a worker cannot load .ts files, so the copy in dist/ is used:
 * `<root>/src/workers/pool.ts` → `<root>/dist/src/workers/<name>`.
 */
export declare function builtWorkerScript(moduleUrl: string, name: string): string | null;
/**
 * A started helper thread running the built script `name` beside `moduleUrl`, or null where the work is better done
 * on the calling thread: a single core, SLYCONV_NO_WORKERS set, the script not built, or a thread that cannot start.
 */
export declare function startHelperThread(moduleUrl: string, name: string): Worker | null;
