import fs from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The compiled worker script `name` (e.g. "cpu-worker.js") beside the module at `moduleUrl`, or null when it is not
 * built. Running from the TypeScript sources (vitest), a worker cannot load .ts files, so the copy in dist/ is used:
 * `<root>/src/workers/pool.ts` → `<root>/dist/src/workers/<name>`.
 */
export function builtWorkerScript(moduleUrl: string, name: string): string | null {
  const here = fileURLToPath(moduleUrl);
  const dir = here.replace(/[\\/][^\\/]+$/, "");
  let script = `${dir}/${name}`;
  if (here.endsWith(".ts")) {
    // The last src/ or formats/ folder in the path is the project's own.
    const m = /^(.*)[\\/]((?:src|formats)[\\/].*)$/.exec(dir);
    if (!m) return null;
    script = `${m[1]}/dist/${m[2]}/${name}`;
  }
  return fs.existsSync(script) ? script : null;
}
