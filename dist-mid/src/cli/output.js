import { withLocation } from "../errors.js";
const useColor = () => process.stderr.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (useColor() ? `\x1b[${code}m${s}\x1b[0m` : s);
/** One finding as a line, its message in `wording`. */
export function formatFinding(f, wording = (m) => m) {
    const sev = f.severity === "error" ? paint("31", "error") : f.severity === "warning" ? paint("33", "warning") : paint("36", "info");
    return withLocation(f, `${sev} ${wording(f.message)} [${f.code}]`);
}
/** "1 warning", "2 warnings". */
export function plural(n, word) {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}
/**
 * Prints findings (capped per code; info lines only without `quiet`), a count per code, and what the target
 * format could not hold; messages and reasons in `wording`.
 */
export function printReport(report, opts = {}) {
    const out = opts.stream ?? process.stderr;
    const wording = opts.wording ?? ((m) => m);
    const max = opts.maxPerCode ?? 20;
    const shown = new Map();
    for (const f of report.findings) {
        if (opts.quiet && f.severity === "info")
            continue;
        const n = shown.get(f.code) ?? 0;
        shown.set(f.code, n + 1);
        if (n < max)
            out.write(formatFinding(f, wording) + "\n");
    }
    for (const [code, { count, severity }] of report.countsByCode) {
        if (opts.quiet && severity === "info")
            continue;
        if (count > max)
            out.write(`… ${plural(count - max, `more ${severity === "info" ? "info line" : severity}`)} [${code}] (${count} in all)\n`);
    }
    printEntries(out, "not written (the target format cannot hold them):", report.lossEntries.map((l) => ({ ...l, note: wording(l.reason) })), max);
    printEntries(out, "changed to fit the target format:", report.changeEntries.map((c) => ({ ...c, note: wording(c.how) })), max);
}
/**
 * One line per kind of thing (what + why), with its count over all classes and the classes it hit, so a tag lost
 * on 20 classes is listed once; at most `max` lines, the rest counted (every entry per class is in --json).
 */
function printEntries(out, title, entries, max) {
    if (!entries.length)
        return;
    const groups = new Map();
    for (const e of entries) {
        const key = `${e.what}\u0000${e.note}`;
        const g = groups.get(key) ?? { what: e.what, note: e.note, count: 0, classes: [] };
        g.count += e.count;
        g.classes.push(e.className);
        groups.set(key, g);
    }
    const sorted = [...groups.values()].sort((a, b) => b.count - a.count);
    out.write(title + "\n");
    for (const g of sorted.slice(0, max)) {
        const classes = g.classes.length === 1 ? `class ${JSON.stringify(g.classes[0])}` : `${g.classes.length} classes (${g.classes.slice(0, 3).map((c) => JSON.stringify(c)).join(", ")}${g.classes.length > 3 ? ", …" : ""})`;
        const of = g.classes.length === 1 && g.classes[0] === "(image)" ? "of images" : `of ${classes}`;
        out.write(`  ${g.count} × ${g.what} ${of}: ${g.note}\n`);
    }
    if (sorted.length > max)
        out.write(`  … ${sorted.length - max} more kinds (${sorted.slice(max).reduce((n, g) => n + g.count, 0)} in all; --json lists them per class)\n`);
}
/**
 * `slyconv … --help | head -1` closes stdout early: Node then reports EPIPE as an uncaught error with a stack. A
 * reader that stops reading is no mistake of the run, so further output to that stream is dropped and the command
 * carries on (a conversion still finishes and renames its output into place).
 */
export function ignoreClosedPipes() {
    for (const stream of [process.stdout, process.stderr]) {
        stream.on("error", (err) => {
            if (err.code !== "EPIPE")
                throw err;
        });
    }
}
//# sourceMappingURL=output.js.map