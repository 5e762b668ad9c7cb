import { createRequire } from "node:module";
import type cliProgressType from "cli-progress";

// Required on the first bar: without a terminal (CI, pipes, --quiet, --json) its ~20 ms of loading buys nothing.
let cliProgress: typeof cliProgressType | undefined;
const loadCliProgress = () => (cliProgress ??= createRequire(import.meta.url)("cli-progress") as typeof cliProgressType);

/** Progress of one long step. Adapters call it; only a TTY shows anything. */
export interface Progress {
  start(label: string, total?: number): void;
  increment(n?: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, increment() {}, stop() {} };

/** A bar on stderr when it is a terminal and not in CI, silent otherwise. */
export function createProgress(opts: { quiet?: boolean } = {}): Progress {
  const enabled = !opts.quiet && process.stderr.isTTY && !process.env.CI;
  if (!enabled) return silentProgress;
  let bar: cliProgressType.SingleBar | null = null;
  let count = 0;
  return {
    start(label, total) {
      bar?.stop();
      count = 0;
      const color = !process.env.NO_COLOR;
      const { SingleBar, Presets } = loadCliProgress();
      bar = new SingleBar(
        {
          stream: process.stderr,
          format: total
            ? `${label} [{bar}] {value}/{total} {percentage}% | {rate}/s | ETA {eta_formatted}`
            : `${label} {value} | {rate}/s`,
          barCompleteChar: color ? "\u2588" : "#",
          barIncompleteChar: color ? "\u2591" : "-",
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 200,
          fps: 5,
        },
        Presets.shades_classic,
      );
      const startedAt = Date.now();
      bar.start(total ?? 0, 0, { rate: "0" });
      (bar as unknown as { _startedAt: number })._startedAt = startedAt;
    },
    increment(n = 1) {
      count += n;
      if (!bar) return;
      const started = (bar as unknown as { _startedAt: number })._startedAt;
      const secs = Math.max(0.001, (Date.now() - started) / 1000);
      bar.increment(n, { rate: Math.round(count / secs).toString() });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
