/**
 * Deterministic shards (docs/scale-out.md): a run with `--shard I/N` handles only the items whose key falls in shard
 * I, so that N jobs on any runner split a dataset without talking to each other, and `slyconv merge` joins them.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Dataset, Project } from "./model/index.js";
import { iterateItems } from "./model/index.js";
import { SlyconvError, UsageError } from "./errors.js";

/** The small file each shard output holds at its top: which run and which shard it is. Readers ignore it. */
export const SHARD_MANIFEST_FILE = ".slyconv-shard.json";
export const SHARD_ENV = "SLYCONV_SHARD";
export const SHARD_COUNT_ENV = "SLYCONV_SHARD_COUNT";
/** Set by Kubernetes in each pod of an Indexed Job. */
export const JOB_INDEX_ENV = "JOB_COMPLETION_INDEX";

export interface ShardSpec {
  /** 0 ≤ index < count. */
  index: number;
  count: number;
}

export interface ShardManifest {
  kind: "slyconv-shard";
  runId: string;
  shard: number;
  of: number;
  format: string;
  items: number;
}

/**
 * FNV-1a, 32 bits, over the key's UTF-8 bytes (offset basis 2166136261, prime 16777619): a published, one-line
 * function anyone can recompute in any language, the same on every machine.
 */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The key of an item: its dataset's full name (`parent/child`), a slash and the item's name (`cat.jpg`). */
export function shardKey(datasetPath: string, itemName: string): string {
  return `${datasetPath}/${itemName}`;
}

export function shardOf(datasetPath: string, itemName: string, count: number): number {
  return fnv1a32(shardKey(datasetPath, itemName)) % count;
}

const WHOLE = /^\d+$/;

/** `I/N` with 0 ≤ I < N and N ≥ 1; anything else is a usage error naming where it came from. */
export function parseShardSpec(text: string, source = "--shard"): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new UsageError(`${source} ${JSON.stringify(text)}: expected I/N with N ≥ 1 and 0 ≤ I < N (e.g. 0/4 … 3/4)`);
  }
  return { index, count };
}

function parseCount(text: string, source: string): number {
  const n = Number(text.trim());
  if (!WHOLE.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${source} ${JSON.stringify(text)}: expected a whole number of shards ≥ 1`);
  return n;
}

/**
 * The shard a run was asked for: `--shard I/N`, else SLYCONV_SHARD=I/N, else a Kubernetes Indexed Job's
 * JOB_COMPLETION_INDEX with N from `--shard-count` or SLYCONV_SHARD_COUNT. A count without an index (or an index
 * with a count given on the command line but nothing else) is a usage error; JOB_COMPLETION_INDEX alone, without
 * any count, is not sharding (every Indexed Job pod has it).
 */
export function resolveShard(flags: { shard?: string; shardCount?: string }, env: NodeJS.ProcessEnv = process.env): ShardSpec | undefined {
  if (flags.shard !== undefined) {
    if (flags.shardCount !== undefined) throw new UsageError("--shard I/N already says the number of shards; leave out --shard-count");
    return parseShardSpec(flags.shard);
  }
  const fromEnv = env[SHARD_ENV];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (flags.shardCount !== undefined) throw new UsageError(`${SHARD_ENV}=I/N already says the number of shards; leave out --shard-count`);
    return parseShardSpec(fromEnv, SHARD_ENV);
  }
  const countText = flags.shardCount ?? (env[SHARD_COUNT_ENV] || undefined);
  if (countText === undefined) return undefined;
  const countSource = flags.shardCount !== undefined ? "--shard-count" : SHARD_COUNT_ENV;
  const count = parseCount(countText, countSource);
  const indexText = env[JOB_INDEX_ENV];
  if (indexText === undefined || indexText === "") {
    throw new UsageError(`${countSource} ${count} needs the shard index: pass --shard I/${count}, or run as a Kubernetes Indexed Job (${JOB_INDEX_ENV})`);
  }
  if (!WHOLE.test(indexText.trim()) || Number(indexText) >= count) {
    throw new UsageError(`${JOB_INDEX_ENV} ${JSON.stringify(indexText)}: expected a whole number below the shard count ${count} (${countSource}); set the Job's completions to ${count}`);
  }
  return { index: Number(indexText), count };
}

/** A run id from what defines a run (command, input, formats, options): the same on every shard of it. */
export function runIdOf(parts: Record<string, unknown>): string {
  const stable = (v: unknown): unknown =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])]))
      : v;
  return createHash("sha256").update(JSON.stringify(stable(parts))).digest("hex").slice(0, 16);
}

/** Options that say how a run is split or where its output goes, not what it converts: not part of the run id. */
const NOT_OF_THE_RUN = new Set(["shard", "shardCount", "runId", "force", "archive"]);

export function runOptionsOf(options: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([k, v]) => !NOT_OF_THE_RUN.has(k) && v !== undefined && typeof v !== "function"));
}

/**
 * The same project with only the shard's items; `counter.items` counts them as they stream. Datasets stay (an empty
 * dataset is still written), so every shard's output has the whole dataset tree. Keys use the reader's dataset names.
 */
export function shardProject(project: Project, spec: ShardSpec, counter: { items: number }): Project {
  const wrap = (ds: Dataset, parent: string | null): Dataset => {
    const full = parent === null ? ds.name : `${parent}/${ds.name}`;
    const { itemCount: _unknownNow, ...rest } = ds;
    return {
      ...rest,
      datasets: ds.datasets.map((d) => wrap(d, full)),
      items: async function* () {
        for await (const item of iterateItems(ds.items)) {
          if (shardOf(full, item.name, spec.count) !== spec.index) continue;
          counter.items++;
          yield item;
        }
      },
    };
  };
  return { ...project, datasets: project.datasets.map((d) => wrap(d, null)) };
}

export async function writeShardManifest(dir: string, manifest: ShardManifest): Promise<void> {
  await fs.writeFile(path.join(dir, SHARD_MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n", { flag: "wx" });
}

/** The manifest of a shard output; a folder without a valid one is not a shard output (exit 2). */
export async function readShardManifest(dir: string): Promise<ShardManifest> {
  const file = path.join(dir, SHARD_MANIFEST_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new SlyconvError("shard-manifest-missing", `${dir} is not a shard output (no ${SHARD_MANIFEST_FILE}); merge takes the outputs of runs with --shard I/N`, { file: dir, inMessage: true }, 2);
    }
    throw e;
  }
  let m: Partial<ShardManifest>;
  try {
    m = JSON.parse(text) as Partial<ShardManifest>;
  } catch {
    m = {};
  }
  if (m.kind !== "slyconv-shard" || typeof m.runId !== "string" || !Number.isSafeInteger(m.shard) || !Number.isSafeInteger(m.of) || typeof m.format !== "string" || !Number.isSafeInteger(m.items)) {
    throw new SlyconvError("shard-manifest-invalid", `${file} is not a slyconv shard manifest ({kind: "slyconv-shard", runId, shard, of, format, items}); was it edited?`, { file, inMessage: true }, 2);
  }
  return m as ShardManifest;
}
