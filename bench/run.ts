/**
 * `npm run bench [-- FILTER]`: generates the data (once, under .bench-data/ or $SLYCONV_BENCH_DATA), runs every
 * case in a child process of its own, and prints one table: wall time, CPU time (user + sys, all threads: above the
 * wall time when the worker pool kept both cores busy), items/s and peak RSS per conversion, next to this machine's
 * limits measured in the same run.
 *
 * A case that takes less than QUICK_CASE seconds is run RUNS times and reported by its median run, with the fastest
 * and slowest: on a virtual machine the same conversion varies by a third from one minute to the next.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { BenchCase } from "./types.js";
import { measureLimits } from "./limits.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const dataRoot = process.env.SLYCONV_BENCH_DATA ?? path.join(repoRoot, ".bench-data");
const filter = process.argv[2];

interface Row {
  name: string; items: number; seconds: number; cpuSeconds: number; itemsPerSec: number; maxRssMB: number; target: string; error?: string;
  /** Wall times of every run, when the case was run more than once (seconds is their median). */
  runs?: number[];
}

/** Cases faster than this (seconds) are run RUNS times. */
const QUICK_CASE = 10;
const RUNS = 5;

async function main() {
  await fs.mkdir(dataRoot, { recursive: true });
  const casesDir = path.join(here, "cases");
  const modules = (await fs.readdir(casesDir).catch(() => [])).filter((f) => f.endsWith(".js")).sort();
  console.error(`bench: data in ${dataRoot}; node ${process.version}; ${os.cpus().length} cores; ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
  // Outputs are removed only after the last case. ext4 without a journal (this machine's disk) will not reuse an inode
  // freed in the last few minutes, so right after a large removal every file creation scans past thousands of them
  // (perf: `recently_deleted` under `__ext4_new_inode`), which makes an import several times slower. That cost
  // belongs to the bench's own clean-up, not to the conversion.
  const leftovers: string[] = [];
  const limitsDir = path.join(os.tmpdir(), `slyconv-limits-${process.pid}`);
  leftovers.push(limitsDir);
  const limits = await measureLimits(limitsDir);
  // Its 190 MB of files are flushed now, as each case's are after it, so that the first case does not pay for them.
  spawnSync("sync");
  const rows: Row[] = [];
  for (const file of modules) {
    const modPath = path.join(casesDir, file);
    const { cases } = (await import(modPath)) as { cases: BenchCase[] };
    for (const c of cases) {
      if (filter && !c.name.includes(filter)) continue;
      const dataDir = path.join(dataRoot, path.basename(file, ".js"));
      await fs.mkdir(dataDir, { recursive: true });
      console.error(`bench: preparing ${c.name}`);
      await c.prepare(dataDir);
      console.error(`bench: running ${c.name}`);
      const runs: Row[] = [];
      while (runs.length < (runs.length && runs[0].seconds < QUICK_CASE ? RUNS : 1)) {
        const outDir = path.join(os.tmpdir(), `slyconv-bench-${process.pid}-${rows.length}-${runs.length}`);
        await fs.rm(outDir, { recursive: true, force: true });
        const started = process.hrtime.bigint();
        const r = spawnSync(process.execPath, [path.join(here, "run-case.js"), modPath, c.name, dataDir, outDir], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
        const wall = Number(process.hrtime.bigint() - started) / 1e9;
        leftovers.push(outDir);
        // Flush the case's writes (gigabytes for the big imports) now, so that the next case does not pay for them.
        spawnSync("sync");
        if (r.status !== 0) {
          runs.push({ name: c.name, items: 0, seconds: wall, cpuSeconds: 0, itemsPerSec: 0, maxRssMB: 0, target: c.target ?? "", error: (r.stderr || "").trim().split("\n").slice(-3).join(" ") });
          break;
        }
        const last = JSON.parse(r.stdout.trim().split("\n").pop()!);
        runs.push({ name: c.name, items: last.items, seconds: wall, cpuSeconds: last.cpuSeconds ?? 0, itemsPerSec: last.items / wall, maxRssMB: last.maxRssMB, target: c.target ?? "" });
      }
      const failed = runs.find((r) => r.error);
      if (failed || runs.length === 1) {
        rows.push(failed ?? runs[0]);
        continue;
      }
      const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
      rows.push({ ...sorted[(sorted.length - 1) >> 1], runs: runs.map((r) => r.seconds) });
    }
  }
  const lines = [
    "| conversion | items | wall s | runs: fastest–slowest s | cpu s | items/s | peak RSS MB | target |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    ...rows.map((r) => r.error
      ? `| ${r.name} | FAILED | ${r.seconds.toFixed(1)} | | | | | ${r.target} (${r.error}) |`
      : `| ${r.name} | ${r.items} | ${r.seconds.toFixed(2)} | ${r.runs ? `${r.runs.length}: ${Math.min(...r.runs).toFixed(2)}–${Math.max(...r.runs).toFixed(2)}` : "1"} | ${r.cpuSeconds.toFixed(2)} | ${Math.round(r.itemsPerSec)} | ${Math.round(r.maxRssMB)} | ${r.target} |`),
    "",
    "| machine limit (same run) | value |",
    "|---|---:|",
    `| JSON.parse throughput | ${limits.jsonParseMBps.toFixed(0)} MB/s |`,
    `| small-file writes (16 in flight) | ${Math.round(limits.smallFileWritesPerSec)} files/s |`,
    `| 37 KB file writes (16 in flight) | ${Math.round(limits.annotationFileWritesPerSec)} files/s |`,
    `| image-header reads (sharp, 16 in flight) | ${Math.round(limits.imageHeaderReadsPerSec)} images/s |`,
  ];
  console.log(lines.join("\n"));
  console.error(`bench: removing ${leftovers.length} output folders`);
  for (const dir of leftovers) await fs.rm(dir, { recursive: true, force: true });
  if (rows.some((r) => r.error)) process.exitCode = 1;
}

await main();
