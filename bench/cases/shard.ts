/**
 * Scale-out (docs/scale-out.md): the train2017-shape COCO import as 2 shards run side by side (each in a process of
 * its own, as two pods would run it; on this 2-core machine they share the cores), then `merge` of their outputs.
 * Its row is the whole (both shards, then the merge) against the same floor as the single import (coco.ts), whose
 * row the filter "coco→supervisely train2017" shows beside it; the rows under it are each shard's wall time and peak
 * RSS, and the merge's.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchCase, JobPart } from "../types.js";
import { SHAPES, cocoFile, generate } from "./coco.js";

const SHARDS = 2;
const shape = SHAPES.find((s) => s.name === "train2017")!;
/** The COCO file is coco.ts's (its data folder beside this one's), generated once for both. */
const input = (dataDir: string) => cocoFile(path.join(dataDir, "..", "coco"), shape);
const job = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "shard-job.js");

function runShard(file: string, outDir: string, index: number): Promise<JobPart & { items: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [job, file, outDir, String(index), String(SHARDS), "bench"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`shard ${index}/${SHARDS} exited ${code}: ${err.trim().split("\n").slice(-3).join(" ")}`));
      const r = JSON.parse(out.trim().split("\n").pop()!) as { items: number; seconds: number; cpuSeconds: number; maxRssMB: number };
      resolve({ name: `shard ${index}/${SHARDS}`, ...r });
    });
  });
}

export const cases: BenchCase[] = [
  {
    name: `coco→supervisely train2017-shape (import) as ${SHARDS} shards side by side, then merge`,
    floor: "coco-train2017",
    target: "each shard's peak RSS below the single import's; the whole about the single import's time (2 cores: the shards share them)",
    prepare: (dataDir) => generate(input(dataDir), shape),
    run: async (dataDir, outDir) => {
      const shards = [...Array(SHARDS).keys()].map((i) => path.join(outDir, `shard-${i}`));
      const results = await Promise.all(shards.map((dir, i) => runShard(input(dataDir), dir, i)));
      const { mergeShards } = await import("../../src/merge.js");
      const started = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      const merged = await mergeShards(shards, path.join(outDir, "merged"));
      const cpu = process.cpuUsage(cpuBefore);
      const merge: JobPart = { name: "merge", seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 };
      if (merged.items !== results.reduce((n, r) => n + r.items, 0)) throw new Error(`merge joined ${merged.items} items, the shards wrote ${results.map((r) => r.items).join(" + ")}`);
      return { items: merged.items, parts: [...results, merge] };
    },
  },
];
