/**
 * Deterministic shards (docs/scale-out.md): a run with `--shard I/N` handles only the items whose key falls in shard
 * I, so that N jobs on any runner split a dataset without talking to each other, and `slyconv merge` joins them.
 */
import { createHash, type Hash } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import type { FileHandle } from "node:fs/promises";
import readline from "node:readline";
import type { Dataset, Item, ItemSelector, Project } from "./model/index.js";
import { SlyconvError, UsageError, optionName } from "./errors.js";

/** The small file each shard output holds at its top: which run and which shard it is. Readers ignore it. */
export const SHARD_MANIFEST_FILE = ".slyconv-shard.json";
/** The folder beside it with a writer's per-item merge data (sidecar files, one JSON value a line). */
export const SHARD_SIDECAR_DIR = ".slyconv-shard";
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
  /**
   * What the shard saw of the whole input: every item key in the reader's order (its own and the other shards'),
   * counted and hashed. The shards of one run over one input agree on it; merge refuses shards that do not.
   */
  listing?: { items: number; sha256: string };
  /** The writer's merge data (small; per-item data is in the sidecar files). */
  state?: Record<string, unknown>;
  /** What a reader that read only the shard's items recorded for merge (ShardReading): its format and its state. */
  read?: { format: string; state: Record<string, unknown> };
}

/**
 * What a reader gets (FormatContext.shardRead) when the run is a shard whose writer lets merge make the class list
 * (import: meta.json is written again by merge): it may read only the shard's items, and build the project meta from
 * them alone, if it records in `state` what its adapter's `mergeMeta` needs to make the single run's meta from every
 * shard's. A reader that does not use it reads as in any run.
 */
export interface ShardReading {
  spec: ShardSpec;
  state: Record<string, unknown>;
}

/** Where an item stands in the whole run: dataset index (depth-first) × 2^32 + its index in the dataset's listing. */
export const SHARD_POSITION = Symbol("slyconv.shardPosition");
const DATASET_STRIDE = 2 ** 32;

/**
 * What a writer of a shard gets (FormatContext.shard): each item's place in the single run's order, and where to put
 * what merge needs to write the single run's output (ids, list order, first appearances).
 */
export interface ShardWriting {
  spec: ShardSpec;
  positionOf(item: Item): number;
  /** Saved as the manifest's `state` once the writer is done. */
  state: Record<string, unknown>;
  /** A sidecar file in the output (`.slyconv-shard/<name>`): one JSON value a line, in the order written. */
  sidecar(outDir: string, name: string): Promise<SidecarWriter>;
}

export function positionOf(item: Item): number {
  const p = (item as Item & { [SHARD_POSITION]?: number })[SHARD_POSITION];
  if (typeof p !== "number") throw new Error(`internal: item ${JSON.stringify(item.name)} reached a shard writer without its position`);
  return p;
}

/** Text appended to a new file ("wx") through a 1 MiB buffer; `write` returns a promise only when the buffer goes out. */
export class BufferedTextFile {
  private pending: string[] = [];
  private size = 0;
  private constructor(readonly path: string, private readonly fh: FileHandle) {}
  static async create(file: string): Promise<BufferedTextFile> {
    return new BufferedTextFile(file, await fs.open(file, "wx"));
  }
  write(text: string): Promise<void> | undefined {
    this.pending.push(text);
    this.size += text.length;
    return this.size >= 1 << 20 ? this.flush() : undefined;
  }
  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const text = this.pending.join("");
    this.pending = [];
    this.size = 0;
    await this.fh.write(text);
  }
  async close(): Promise<void> {
    await this.flush();
    await this.fh.close();
  }
}

/** One JSON value per line. */
export class SidecarWriter {
  private constructor(private readonly file: BufferedTextFile) {}
  static async open(file: string): Promise<SidecarWriter> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    return new SidecarWriter(await BufferedTextFile.create(file));
  }
  /** Adds a line; a promise only when the buffer is written out. */
  add(value: unknown): Promise<void> | undefined {
    return this.file.write(JSON.stringify(value) + "\n");
  }
  close(): Promise<void> {
    return this.file.close();
  }
}

export function sidecarPath(shardDir: string, name: string): string {
  return path.join(shardDir, SHARD_SIDECAR_DIR, ...name.split("/"));
}

/** The lines of a shard's sidecar, parsed, streamed; a missing sidecar is a shard that wrote none of those items. */
export async function* readSidecar(shardDir: string, name: string): AsyncIterable<unknown> {
  const file = sidecarPath(shardDir, name);
  try {
    await fs.access(file);
  } catch {
    return;
  }
  const lines = readline.createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line === "") continue;
    try {
      yield JSON.parse(line);
    } catch {
      throw new SlyconvError("shard-manifest-invalid", `line ${n} is not JSON; was the shard output edited?`, { file, line: n }, 2);
    }
  }
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
export function parseShardSpec(text: string, source = optionName("shard")): ShardSpec {
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
    if (flags.shardCount !== undefined) throw new UsageError(`${optionName("shard")} I/N already says the number of shards; leave out ${optionName("shardCount")}`);
    return parseShardSpec(flags.shard);
  }
  const fromEnv = env[SHARD_ENV];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (flags.shardCount !== undefined) throw new UsageError(`${SHARD_ENV}=I/N already says the number of shards; leave out ${optionName("shardCount")}`);
    return parseShardSpec(fromEnv, SHARD_ENV);
  }
  const countText = flags.shardCount ?? (env[SHARD_COUNT_ENV] || undefined);
  if (countText === undefined) return undefined;
  const countSource = flags.shardCount !== undefined ? optionName("shardCount") : SHARD_COUNT_ENV;
  const count = parseCount(countText, countSource);
  const indexText = env[JOB_INDEX_ENV];
  if (indexText === undefined || indexText === "") {
    throw new UsageError(`${countSource} ${count} needs the shard index: pass ${optionName("shard")} I/${count}, or run as a Kubernetes Indexed Job (${JOB_INDEX_ENV})`);
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

/** What the shard filter saw of the whole input, for the manifest. */
export interface ShardCounter {
  items: number;
  listed: number;
  hash: Hash;
}

export function newShardCounter(): ShardCounter {
  return { items: 0, listed: 0, hash: createHash("sha256") };
}

/**
 * The same project with only the shard's items; `counter` counts them as they stream, and hashes every key seen.
 * Datasets stay (an empty dataset is still written), so every shard's output has the whole dataset tree. Keys use the
 * reader's dataset names.
 *
 * A reader that can skip items without reading them takes the selector its `items` function is called with: it calls
 * it once for every item it lists, in the order it would yield them, and reads and yields only those it returns true
 * for. Other readers yield everything, and the filter drops other shards' items here. Either way each item kept gets
 * its position in the single run's order (SHARD_POSITION), which merge sorts by.
 */
export function shardProject(project: Project, spec: ShardSpec, counter: ShardCounter): Project {
  let nextIndex = 0;
  const wrap = (ds: Dataset, parent: string | null): Dataset => {
    const full = parent === null ? ds.name : `${parent}/${ds.name}`;
    const base = nextIndex++ * DATASET_STRIDE;
    const { itemCount: _unknownNow, ...rest } = ds;
    const source = ds.items;
    return {
      ...rest,
      datasets: ds.datasets.map((d) => wrap(d, full)),
      items: async function* () {
        let listed = 0;
        let selecting = false;
        const queue: { name: string; position: number }[] = [];
        const see = (name: string): number => {
          counter.listed++;
          counter.hash.update(`${shardKey(full, name)}\n`);
          return listed++;
        };
        const select: ItemSelector = (name) => {
          selecting = true;
          const position = see(name);
          const mine = shardOf(full, name, spec.count) === spec.index;
          if (mine) queue.push({ name, position });
          return mine;
        };
        const items = Array.isArray(source) ? source : source(select);
        for await (const item of items) {
          let position: number;
          if (selecting) {
            const q = queue.shift();
            if (!q || q.name !== item.name) throw new Error(`internal: the reader of dataset ${full} yielded ${JSON.stringify(item.name)} where its selection said ${JSON.stringify(q?.name)}`);
            position = q.position;
          } else {
            position = see(item.name);
            if (shardOf(full, item.name, spec.count) !== spec.index) continue;
          }
          counter.items++;
          yield { ...item, [SHARD_POSITION]: base + position } as Item;
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
      throw new SlyconvError("shard-manifest-missing", `${dir} is not a shard output (no ${SHARD_MANIFEST_FILE}); merge takes the outputs of runs with ${optionName("shard")} I/N`, { file: dir, inMessage: true }, 2);
    }
    throw e;
  }
  let m: Partial<ShardManifest>;
  try {
    m = JSON.parse(text) as Partial<ShardManifest>;
  } catch {
    m = {};
  }
  if (m.kind !== "slyconv-shard" || typeof m.runId !== "string" || !Number.isSafeInteger(m.shard) || !Number.isSafeInteger(m.of) || typeof m.format !== "string" || !Number.isSafeInteger(m.items)
    || (m.state !== undefined && (typeof m.state !== "object" || m.state === null || Array.isArray(m.state)))
    || (m.read !== undefined && (typeof m.read !== "object" || m.read === null || typeof m.read.format !== "string" || typeof m.read.state !== "object" || m.read.state === null))) {
    throw new SlyconvError("shard-manifest-invalid", `${file} is not a slyconv shard manifest ({kind: "slyconv-shard", runId, shard, of, format, items}); was it edited?`, { file, inMessage: true }, 2);
  }
  return m as ShardManifest;
}

/**
 * The lines of every shard's sidecar in the single run's order: each shard's are in position order already, so this
 * takes the smallest next position among them each time (a heap: N may be large).
 */
export async function* inRunOrder<T>(sources: readonly AsyncIterable<T>[], positionOf: (value: T) => number): AsyncIterable<{ shard: number; value: T }> {
  const its = sources.map((s) => s[Symbol.asyncIterator]());
  const heap: { shard: number; value: T; at: number }[] = [];
  const push = (e: { shard: number; value: T; at: number }) => {
    heap.push(e);
    for (let i = heap.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (heap[p].at <= heap[i].at) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pull = async (shard: number) => {
    const r = await its[shard].next();
    if (!r.done) push({ shard, value: r.value, at: positionOf(r.value) });
  };
  for (let s = 0; s < its.length; s++) await pull(s);
  while (heap.length) {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && heap[l].at < heap[m].at) m = l;
        if (r < heap.length && heap[r].at < heap[m].at) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    yield { shard: top.shard, value: top.value };
    await pull(top.shard);
  }
}

/**
 * The names the single run gives, replayed from the names each shard chose: every shard's sidecar `name` (lines
 * `[position, …]`, checked by `isLine`) is read in the single run's order, and `decide` says for each line (and the
 * shard it is from) which of that shard's files the single run names differently (`rename(from, to)`, paths relative
 * to the shard output). Returns, per shard, those renames for copyUnion's `renamed`.
 */
export async function replayNames<L extends readonly [number, ...unknown[]]>(
  shards: readonly { dir: string }[],
  name: string,
  isLine: (line: unknown) => line is L,
  shape: string,
  decide: (line: L, rename: (from: string, to: string) => void, shard: number) => void | Promise<void>,
): Promise<Map<string, string>[]> {
  const renames = shards.map(() => new Map<string, string>());
  const lines = shards.map((s) => (async function* () {
    for await (const line of readSidecar(s.dir, name)) {
      if (!isLine(line)) {
        throw new SlyconvError("shard-invalid", `${s.dir}: a line of ${SHARD_SIDECAR_DIR}/${name} is not ${shape}; was it edited? Write that shard again`, { file: s.dir }, 2);
      }
      yield line;
    }
  })());
  for await (const { shard, value } of inRunOrder(lines, (l) => l[0])) {
    await decide(value, (from, to) => renames[shard].set(from, to), shard);
  }
  return renames;
}
