/**
 * The CLI in a child process bounded in time and memory: a V8 heap cap (--max-old-space-size), a timeout after which
 * the child is killed (a hang), and its peak resident memory measured by /usr/bin/time when the machine has it.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { assertDistFresh, BIN } from "./cli.js";

export interface BoundedResult {
  /** Exit code; null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed at the timeout. */
  timedOut: boolean;
  /** Peak RSS in MB (null when /usr/bin/time is missing). */
  peakMb: number | null;
  seconds: number;
  /** Seconds from the signal (when one was sent) to the end. */
  afterSignal: number | null;
}

const TIME = "/usr/bin/time";
export const HAVE_TIME = fs.existsSync(TIME) && spawnSync(TIME, ["-f", "%M", "true"]).status === 0;
const RSS_MARK = "@@peak-rss-kb=";

export interface BoundedOptions {
  heapMb?: number;
  timeoutMs?: number;
  env?: Record<string, string>;
  cwd?: string;
  /** Sends this signal `signalAfterMs` after `signalWhen()` first holds (to test that signals end a long run). */
  signal?: NodeJS.Signals;
  signalAfterMs?: number;
  signalWhen?: () => boolean;
}

export function runBounded(args: string[], o: BoundedOptions = {}): Promise<BoundedResult> {
  assertDistFresh();
  const nodeArgs = [`--max-old-space-size=${o.heapMb ?? 512}`, BIN, ...args];
  // /usr/bin/time runs node itself (exec), so signals sent to the child reach node directly.
  const [cmd, argv] = HAVE_TIME && !o.signal ? [TIME, ["-f", `${RSS_MARK}%M`, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: o.cwd, env: { ...process.env, CI: "true", NO_COLOR: "1", ...o.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "", stderr = "", timedOut = false;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, o.timeoutMs ?? 60_000);
    let signalTimer: NodeJS.Timeout | undefined;
    let signalledAt: number | null = null;
    const arm = () => {
      if (o.signalWhen && !o.signalWhen()) {
        signalTimer = setTimeout(arm, 50);
        return;
      }
      signalTimer = setTimeout(() => {
        signalledAt = Date.now();
        child.kill(o.signal);
      }, o.signalAfterMs ?? 1000);
    };
    if (o.signal) arm();
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (signalTimer) clearTimeout(signalTimer);
      let peakMb: number | null = null;
      const m = new RegExp(`${RSS_MARK}(\\d+)`).exec(stderr);
      if (m) {
        peakMb = Number(m[1]) / 1024;
        stderr = stderr.replace(m[0], "").trimEnd();
      }
      // /usr/bin/time reports a signal-ended child as "Command terminated by signal N" and exits 128 + N.
      stderr = stderr.replace(/^Command (terminated by signal \d+|exited with non-zero status \d+)\n?/m, "");
      const ended = Date.now();
      resolve({ code, signal, stdout, stderr, timedOut, peakMb, seconds: (ended - started) / 1000, afterSignal: signalledAt === null ? null : (ended - signalledAt) / 1000 });
    });
  });
}
