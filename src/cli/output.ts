import type { Finding, Report } from "../report.js";

const useColor = () => process.stderr.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColor() ? `\x1b[${code}m${s}\x1b[0m` : s);

export function formatFinding(f: Finding): string {
  let where = f.file ?? "";
  if (f.file && f.line !== undefined) where += `:${f.line}${f.column !== undefined ? `:${f.column}` : ""}`;
  if (f.pointer !== undefined && f.pointer !== "") where += `#${f.pointer}`;
  const sev = f.severity === "error" ? paint("31", "error") : f.severity === "warning" ? paint("33", "warning") : paint("36", "info");
  return `${where ? where + ": " : ""}${sev} ${f.message} [${f.code}]`;
}

/** Prints findings (capped per code), a count per code, and what the target format could not hold. */
export function printReport(report: Report, opts: { maxPerCode?: number; stream?: NodeJS.WritableStream } = {}): void {
  const out = opts.stream ?? process.stderr;
  const max = opts.maxPerCode ?? 20;
  const shown = new Map<string, number>();
  for (const f of report.findings) {
    const n = shown.get(f.code) ?? 0;
    shown.set(f.code, n + 1);
    if (n < max) out.write(formatFinding(f) + "\n");
  }
  for (const [code, { count, severity }] of report.countsByCode) {
    if (count > max) out.write(`… ${count - max} more ${severity === "error" ? "errors" : severity + "s"} [${code}] (${count} in all)\n`);
  }
  const losses = report.lossEntries;
  if (losses.length) {
    out.write("not written (the target format cannot hold them):\n");
    for (const l of losses) out.write(`  ${l.count} × ${l.what} of class ${JSON.stringify(l.className)}: ${l.reason}\n`);
  }
}
