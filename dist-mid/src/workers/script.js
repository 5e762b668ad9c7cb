import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
/**
 * The compiled worker script `name` (e.g. "cpu-worker.js") beside the module at `moduleUrl`, or null when it is not
 * built. Running from the TypeScript sources (vitest), a worker cannot load .ts files, so the copy in dist/ is used:
 * `<root>/src/workers/pool.ts` → `<root>/dist/src/workers/<name>`.
 */
export function builtWorkerScript(moduleUrl, name) {
    const here = fileURLToPath(moduleUrl);
    const dir = here.replace(/[\\/][^\\/]+$/, "");
    let script = `${dir}/${name}`;
    if (here.endsWith(".ts")) {
        // The last src/ or formats/ folder in the path is the project's own.
        const m = /^(.*)[\\/]((?:src|formats)[\\/].*)$/.exec(dir);
        if (!m)
            return null;
        script = `${m[1]}/dist/${m[2]}/${name}`;
    }
    return fs.existsSync(script) ? script : null;
}
/**
 * A started helper thread running the built script `name` beside `moduleUrl`, or null where the work is better done
 * on the calling thread: a single core, SLYCONV_NO_WORKERS set, the script not built, or a thread that cannot start.
 */
export function startHelperThread(moduleUrl, name) {
    if (os.availableParallelism() < 2 || process.env.SLYCONV_NO_WORKERS)
        return null;
    const script = builtWorkerScript(moduleUrl, name);
    if (!script)
        return null;
    try {
        return new Worker(script);
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=script.js.map