/**
 * One job of bench/cases/shard.ts, run in a process of its own (as each pod of a Job would run it), so that its wall
 * time and peak RSS are its own:
 *
 *   shard-job.js import <coco file> <out> <index> <count> <run id>    one shard of the COCO import
 *   shard-job.js merge <out> copy|link <shard output>…                  slyconv merge (copying, or --link)
 *
 * Prints {items, seconds, cpuSeconds, maxRssMB} as JSON on the last line.
 */
import { tuneV8ForConversions } from "../src/cli/runtime-tuning.js";
import { importDataset } from "../src/api.js";
import { mergeShards } from "../src/merge.js";
import { peakRssKB } from "./peak-rss.js";
const [kind, ...args] = process.argv.slice(2);
tuneV8ForConversions();
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
let items;
if (kind === "import") {
    const [input, outDir, index, count, runId] = args;
    items = (await importDataset(input, outDir, { format: "coco", images: "none", formatOptions: { images: "none" }, shard: { index: Number(index), count: Number(count) }, runId })).items;
}
else if (kind === "merge") {
    const [outDir, how, ...shards] = args;
    items = (await mergeShards(shards, outDir, { link: how === "link" })).items;
}
else
    throw new Error(`shard-job: unknown job ${kind}`);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(`\n${JSON.stringify({ items, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMB: peakRssKB() / 1024 })}\n`);
//# sourceMappingURL=shard-job.js.map