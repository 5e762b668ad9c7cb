import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths.js";

export const BIN = path.join(REPO_ROOT, "bin/slyconv.js");

export interface CliResult { code: number; stdout: string; stderr: string }

/** Runs the built binary the way a user would (no TTY, so no progress bars). */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  if (!fs.existsSync(path.join(REPO_ROOT, "dist/src/cli/main.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true", NO_COLOR: "1", ...opts.env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
