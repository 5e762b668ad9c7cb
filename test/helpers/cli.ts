import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths.js";

export const BIN = path.join(REPO_ROOT, "bin/slyconv.js");

export interface CliResult { code: number; stdout: string; stderr: string }

let distChecked = false;

/**
 * Refuses to run the binary unless dist/ was built from the sources as they are: every .ts of src/ and formats/ has
 * its .js, written after it. Tests hand the CLI outputs it must refuse (`/`, home, the folder holding the working
 * folder, /dev/null, with --force); a stale build without those refusals once replaced the machine's /work.
 */
export function assertDistFresh(): void {
  if (distChecked) return;
  if (!fs.existsSync(path.join(REPO_ROOT, "dist/src/cli/main.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  const stale: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(REPO_ROOT, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) {
        const js = path.join(REPO_ROOT, "dist", r.replace(/\.ts$/, ".js"));
        if (!fs.existsSync(js) || fs.statSync(js).mtimeMs < fs.statSync(path.join(REPO_ROOT, r)).mtimeMs) stale.push(r);
      }
    }
  };
  walk("src");
  walk("formats");
  if (stale.length) throw new Error(`dist/ is older than ${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ` and ${stale.length - 3} more` : ""}: run \`npm run build\` first (npm test does)`);
  distChecked = true;
}

/** Runs the built binary the way a user would (no TTY, so no progress bars). */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  assertDistFresh();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true", NO_COLOR: "1", ...opts.env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
