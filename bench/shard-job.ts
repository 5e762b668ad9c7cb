/**
 * One shard of a COCO import, run by bench/cases/shard.ts in a process of its own (as each pod of a Job would run
 * it), so that its wall time and peak RSS are its own. Prints {items, seconds, cpuSeconds, maxRssMB} as JSON on the
 * last line.
 */
import { tuneV8ForConversions } from "../src/cli/runtime-tuning.js";
import { importDataset } from "../src/api.js";

const [input, outDir, index, count, runId] = process.argv.slice(2);
tuneV8ForConversions();
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const r = await importDataset(input, outDir, { format: "coco", images: "none", formatOptions: { images: "none" }, shard: { index: Number(index), count: Number(count) }, runId });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(`\n${JSON.stringify({ items: r.items, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
