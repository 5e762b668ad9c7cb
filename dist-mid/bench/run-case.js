/**
 * Runs one benchmark case (a conversion or a floor) in this (child) process and prints {items, maxRssMB, seconds, cpuSeconds} as JSON on the
 * last line, so that the peak RSS is that of the conversion alone. cpuSeconds is the process's user + system CPU time
 * over the conversion, all threads (worker pool included): above the wall time when more than one core was busy.
 */
import { peakRssKB } from "./peak-rss.js";
import { pathToFileURL } from "node:url";
import { tuneV8ForConversions } from "../src/cli/runtime-tuning.js";
const [modulePath, caseName, dataDir, outDir] = process.argv.slice(2);
const mod = (await import(pathToFileURL(modulePath).href));
const c = mod.cases.find((x) => x.name === caseName);
if (!c)
    throw new Error(`no case ${caseName} in ${modulePath}`);
// Conversions run as the CLI runs them (see src/cli/runtime-tuning.ts); a floor is a plain Node script.
if (c.kind !== "floor")
    tuneV8ForConversions();
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const { items, parts } = await c.run(dataDir, outDir);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const maxRssMB = peakRssKB() / 1024;
process.stdout.write(`\n${JSON.stringify({ items, seconds, cpuSeconds, maxRssMB, parts })}\n`);
//# sourceMappingURL=run-case.js.map