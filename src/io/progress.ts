import { createRequire } from "node:module";
import type cliProgressType from "cli-progress";

// Required on the first bar: without a terminal (CI, pipes, --quiet, --json) its ~20 ms of loading buys nothing.
let cliProgress: typeof cliProgressType | undefined;
const loadCliProgress = () => (cliProgress ??= createRequire(import.meta.url)("cli-progress") as typeof cliProgressType);

/** Progress of one long step. Adapters call it; only a TTY shows anything. */
export interface Progress {
  /** `unit` names what is counted ("items" unless told), shown after the count and the rate. */
  start(label: string, total?: number, unit?: string): void;
  increment(n?: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, increment() {}, stop() {} };

/** cli-progress's format of a bar: done/total with the unit, rate and ETA when the total is known, else count and rate. */
export function barFormat(label: string, total: number | undefined, unit = "items"): string {
  return total
    ? `${label} [{bar}] {value}/{total} ${unit} {percentage}% | {rate} ${unit}/s | ETA {eta_formatted}`
    : `${label} {value} ${unit} | {rate} ${unit}/s`;
}

/** A bar on stderr when it is a terminal and not in CI, silent otherwise. */
export function createProgress(opts: { quiet?: boolean } = {}): Progress {
  const enabled = !opts.quiet && process.stderr.isTTY && !process.env.CI;
  if (!enabled) return silentProgress;
  let bar: cliProgressType.SingleBar | null = null;
  let count = 0;
  return {
    start(label, total, unit = "items") {
      bar?.stop();
      count = 0;
      const color = !process.env.NO_COLOR;
      const { SingleBar, Presets } = loadCliProgress();
      bar = new SingleBar(
        {
          stream: process.stderr,
          format: barFormat(label, total, unit),
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

/**
 * The same progress, with `total` given to the first bar started without one: a writer learns how many items are
 * coming only from the reader (`Dataset.itemCount`), which the API passes on this way.
 */
export function withKnownTotal(progress: Progress, total: number | undefined): Progress {
  if (total === undefined || progress === silentProgress) return progress;
  let given = false;
  return {
    start(label, t, unit) {
      if (t === undefined && !given) {
        given = true;
        t = total;
      }
      progress.start(label, t, unit);
    },
    increment: (n) => progress.increment(n),
    stop: () => progress.stop(),
  };
}
