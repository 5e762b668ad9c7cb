/**
 * Runs one benchmark case in this (child) process and prints {items, maxRssMB, seconds} as JSON on the last line,
 * so that the peak RSS is that of the conversion alone.
 */
import { pathToFileURL } from "node:url";
import type { BenchCase } from "./types.js";

const [modulePath, caseName, dataDir, outDir] = process.argv.slice(2);
const mod = (await import(pathToFileURL(modulePath).href)) as { cases: BenchCase[] };
const c = mod.cases.find((x) => x.name === caseName);
if (!c) throw new Error(`no case ${caseName} in ${modulePath}`);
const started = process.hrtime.bigint();
const { items } = await c.run(dataDir, outDir);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`\n${JSON.stringify({ items, seconds, maxRssMB })}\n`);
