import { createRequire } from "node:module";
// Required on the first bar: without a terminal (CI, pipes, --quiet, --json) its ~20 ms of loading buys nothing.
let cliProgress;
const loadCliProgress = () => (cliProgress ??= createRequire(import.meta.url)("cli-progress"));
export const silentProgress = { start() { }, increment() { }, stop() { } };
/** cli-progress's format of a bar: done/total with the unit, rate and ETA when the total is known, else count and rate. */
export function barFormat(label, total, unit = "items") {
    return total
        ? `${label} [{bar}] {value}/{total} ${unit} {percentage}% | {rate} ${unit}/s | ETA {eta_formatted}`
        : `${label} {value} ${unit} | {rate} ${unit}/s`;
}
/** A bar on stderr when it is a terminal and not in CI, silent otherwise. */
export function createProgress(opts = {}) {
    const enabled = !opts.quiet && process.stderr.isTTY && !process.env.CI;
    if (!enabled)
        return silentProgress;
    let bar = null;
    let count = 0;
    return {
        start(label, total, unit = "items") {
            bar?.stop();
            count = 0;
            const color = !process.env.NO_COLOR;
            const { SingleBar, Presets } = loadCliProgress();
            bar = new SingleBar({
                stream: process.stderr,
                format: barFormat(label, total, unit),
                barCompleteChar: color ? "\u2588" : "#",
                barIncompleteChar: color ? "\u2591" : "-",
                hideCursor: true,
                clearOnComplete: true,
                etaBuffer: 200,
                fps: 5,
            }, Presets.shades_classic);
            const startedAt = Date.now();
            bar.start(total ?? 0, 0, { rate: "0" });
            bar._startedAt = startedAt;
        },
        increment(n = 1) {
            count += n;
            if (!bar)
                return;
            const started = bar._startedAt;
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
export function withKnownTotal(progress, total) {
    if (total === undefined || progress === silentProgress)
        return progress;
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
//# sourceMappingURL=progress.js.map