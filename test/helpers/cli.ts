import { spawn, spawnSync } from "node:child_process";
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

/**
 * The CLI the way a user runs it, with their output and exit code, but in this test process: runCommandLine() from
 * the sources, with stdout and stderr captured, the environment (CI, NO_COLOR, `env`) and working folder set for the
 * run and put back after it. Starting node and loading the CLI for each of the suite's hundreds of runs cost more than
 * the runs themselves. What only a real process shows (exit status, signals, start-up, memory) is tested with
 * spawnCli, and so is a limit flag that must reach worker threads (--max-pixels and the like travel in the
 * environment, which a pool thread started earlier in this process does not see). `SLYCONV_TEST_CLI=spawn` makes
 * this spawn the built binary instead: `npm run test:slow` runs the CLI tests that way too.
 */
export async function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  if (process.env.SLYCONV_TEST_CLI === "spawn") return spawnCliAsync(args, opts);
  assertDistFresh(); // worker threads run dist/'s scripts
  const run = inProcessQueue.then(() => runInProcess(args, opts));
  inProcessQueue = run.then(() => undefined, () => undefined);
  return run;
}

/** Runs one at a time: the process's output streams, environment and working folder are the run's while it lasts. */
let inProcessQueue: Promise<void> = Promise.resolve();

async function runInProcess(args: string[], opts: { cwd?: string; env?: Record<string, string> }): Promise<CliResult> {
  const { runCommandLine } = await import("../../src/cli/main.js");
  const stdout: string[] = [], stderr: string[] = [];
  const capture = (into: string[]) => ((chunk: string | Uint8Array, encoding?: unknown, done?: unknown) => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = typeof encoding === "function" ? encoding : done;
    if (typeof callback === "function") queueMicrotask(() => callback());
    return true;
  }) as typeof process.stdout.write;
  const savedEnv = { ...process.env }, savedCwd = process.cwd();
  const savedOut = process.stdout.write, savedErr = process.stderr.write;
  Object.assign(process.env, { CI: "true", NO_COLOR: "1" }, opts.env);
  process.chdir(opts.cwd ?? REPO_ROOT);
  process.stdout.write = capture(stdout);
  process.stderr.write = capture(stderr);
  try {
    const code = await runCommandLine([process.execPath, BIN, ...args]);
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    process.stdout.write = savedOut;
    process.stderr.write = savedErr;
    process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  }
}

/** spawnCli without blocking this process (a test's local HTTP server must answer the child). */
function spawnCliAsync(args: string[], opts: { cwd?: string; env?: Record<string, string> }): Promise<CliResult> {
  assertDistFresh();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO_ROOT, env: { ...process.env, CI: "true", NO_COLOR: "1", ...opts.env }, timeout: 120_000 });
    let stdout = "", stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs the built binary in a child process (no TTY, so no progress bars). */
export function spawnCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  assertDistFresh();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true", NO_COLOR: "1", ...opts.env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
