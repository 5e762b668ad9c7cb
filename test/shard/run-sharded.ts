/**
 * One conversion run whole and as N shards joined by merge, for the shard tests: the merged output must be the
 * single run's byte for byte.
 */
import fs from "node:fs";
import path from "node:path";
import { convertDataset, exportProject, importDataset } from "../../src/api.js";
import { mergeShards } from "../../src/merge.js";
import type { ShardSpec } from "../../src/shard.js";
import { SHARD_MANIFEST_FILE } from "../../src/shard.js";
import { diffTrees } from "../helpers/paths.js";

export type Operation =
  | { kind: "import"; input: string; from?: string; options?: Record<string, unknown> }
  | { kind: "convert"; input: string; from?: string; to: string; options?: Record<string, unknown> }
  | { kind: "export"; project: string; to: string; options?: Record<string, unknown> };

export function describeOperation(op: Operation): string {
  const opts = op.options && Object.keys(op.options).length ? ` ${JSON.stringify(op.options)}` : "";
  if (op.kind === "import") return `import ${op.from ?? "(detected)"}${opts}`;
  if (op.kind === "convert") return `convert ${op.from ?? "(detected)"} → ${op.to}${opts}`;
  return `export → ${op.to}${opts}`;
}

export async function runOperation(op: Operation, out: string, shard?: ShardSpec): Promise<void> {
  const base = { shard, runId: shard ? "test-run" : undefined };
  if (op.kind === "import") await importDataset(op.input, out, { ...base, format: op.from as never, formatOptions: op.options as never });
  else if (op.kind === "convert") await convertDataset(op.input, out, { ...base, from: op.from as never, to: op.to as never, formatOptions: op.options as never });
  else await exportProject(op.project, out, { ...base, format: op.to as never, formatOptions: op.options as never });
}

export interface ShardedResult {
  single: string;
  shards: string[];
  merged: string;
  /** Files that differ between the single run and the merge (empty when byte-identical). */
  diffs: string[];
  /** Items each shard wrote (its manifest). */
  itemsPerShard: number[];
}

/** Runs `op` whole into `dir`/single, as `n` shards, merges them (given in reverse order), and compares. */
export async function runSharded(op: Operation, n: number, dir: string, single?: string): Promise<ShardedResult> {
  if (!single) {
    single = path.join(dir, "single");
    await runOperation(op, single);
  }
  const shards: string[] = [];
  const itemsPerShard: number[] = [];
  for (let i = 0; i < n; i++) {
    const out = path.join(dir, `n${n}-shard-${i}`);
    await runOperation(op, out, { index: i, count: n });
    itemsPerShard.push(JSON.parse(fs.readFileSync(path.join(out, SHARD_MANIFEST_FILE), "utf8")).items);
    shards.push(out);
  }
  const merged = path.join(dir, `n${n}-merged`);
  await mergeShards([...shards].reverse(), merged);
  return { single, shards, merged, diffs: diffTrees(single, merged), itemsPerShard };
}
