/**
 * `slyconv merge`: joins the outputs of the N shards of one run (docs/scale-out.md) into the output the single run
 * writes. Each shard output holds a manifest (src/shard.ts) saying which run and which shard it is; inputs that are
 * not the N distinct shards of one run are refused before anything is written.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { SlyconvError, UsageError } from "./errors.js";
import { Report } from "./report.js";
import { readShardManifest, SHARD_MANIFEST_FILE, SHARD_SIDECAR_DIR, type ShardManifest } from "./shard.js";
import { OUTPUT_MARKER, writeAtomically } from "./io/safe-output.js";
import { placeShardFile } from "./io/merge-tree.js";
import { ANN_DIR, DATASETS_DIR, DATASETS_NOTE_FILE, IMG_DIR, IMG_INFO_DIR, META_DIR, META_FILE } from "./supervisely/layout.js";
import { canonicalJson } from "./io/json-file.js";
import { FORMATS, findFormat, superviselyMetaJson } from "./registry.js";
import { silentProgress, type Progress } from "./io/progress.js";

/** Formats whose shard outputs merge joins: Supervisely here, the others through their adapter's `merge`. */
export const MERGEABLE_FORMATS: readonly string[] = ["supervisely", ...FORMATS.filter((f) => f.merge).map((f) => f.name)];

export interface MergeOptions {
  force?: boolean;
  /** The format the shards were written in; checked against their manifests. */
  format?: string;
  report?: Report;
  progress?: Progress;
  /** Hardlink the shards' files into the output instead of copying them (`--link`). */
  link?: boolean;
}

export interface MergeResult {
  format: string;
  runId: string;
  shards: number;
  items: number;
  report: Report;
}

/** The shards in index order, checked to be all N shards of one run, each once. */
export async function checkShardSet(dirs: readonly string[]): Promise<{ dir: string; manifest: ShardManifest }[]> {
  if (dirs.length === 0) throw new UsageError("merge needs the outputs of the shards to join: none were given");
  const shards = [];
  for (const dir of dirs) shards.push({ dir, manifest: await readShardManifest(dir) });
  const first = shards[0];
  for (const s of shards.slice(1)) {
    const m = s.manifest, f = first.manifest;
    if (m.runId !== f.runId || m.of !== f.of || m.format !== f.format) {
      throw new SlyconvError("shards-of-different-runs", `${s.dir} is shard ${m.shard}/${m.of} of run ${m.runId} (${m.format}), but ${first.dir} is shard ${f.shard}/${f.of} of run ${f.runId} (${f.format}); merge only the shards of one run`, {}, 2);
    }
  }
  const byIndex = new Map<number, string>();
  for (const s of shards) {
    const seen = byIndex.get(s.manifest.shard);
    if (seen !== undefined) throw new SlyconvError("shard-duplicated", `shard ${s.manifest.shard}/${s.manifest.of} is given twice: ${seen} and ${s.dir}`, {}, 2);
    byIndex.set(s.manifest.shard, s.dir);
  }
  const count = first.manifest.of;
  const missing = [...Array(count).keys()].filter((i) => !byIndex.has(i));
  if (missing.length) {
    throw new SlyconvError("shard-missing", `run ${first.manifest.runId} has ${count} shards; missing: ${missing.map((i) => `${i}/${count}`).join(", ")} (each shard's output must be given once)`, {}, 2);
  }
  // Every shard lists the whole input: shards that listed different inputs are not one run's, whatever their ids say.
  const listed = shards.filter((s) => s.manifest.listing);
  for (const s of listed) {
    const a = s.manifest.listing!, b = listed[0].manifest.listing!;
    if (a.items !== b.items || a.sha256 !== b.sha256) {
      throw new SlyconvError("shards-of-different-inputs", `${s.dir} saw an input of ${a.items} items, ${listed[0].dir} one of ${b.items}${a.items === b.items ? " with other names" : ""}: the input changed between the shards of run ${first.manifest.runId}; run every shard again on the same input`, {}, 2);
    }
  }
  if (listed.length === shards.length && listed.length) {
    const written = shards.reduce((n, s) => n + s.manifest.items, 0);
    if (written !== listed[0].manifest.listing!.items) {
      throw new SlyconvError("shards-incomplete", `the shards hold ${written} items but the input they listed has ${listed[0].manifest.listing!.items}; a shard output is incomplete or was edited`, {}, 2);
    }
  }
  return shards.sort((a, b) => a.manifest.shard - b.manifest.shard);
}

/** Joins shard outputs into `out` (written atomically, like every output). */
export async function mergeShards(dirs: readonly string[], out: string, opts: MergeOptions = {}): Promise<MergeResult> {
  const report = opts.report ?? new Report();
  const shards = await checkShardSet(dirs);
  const { runId, format, of } = shards[0].manifest;
  if (opts.format !== undefined && opts.format !== format) {
    throw new UsageError(`-f ${opts.format}: the shards were written as ${format}`);
  }
  const adapter = findFormat(format);
  if (format !== "supervisely" && !adapter?.merge) {
    throw new SlyconvError("merge-format-unsupported", `merge of ${format} shard outputs is not supported (it joins: ${MERGEABLE_FORMATS.join(", ")})`, {}, 2);
  }
  const items = shards.reduce((n, s) => n + s.manifest.items, 0);
  const ctx = { report, progress: opts.progress ?? silentProgress };
  await writeAtomically(out, { force: opts.force, inputs: dirs }, "dir", (tmp) =>
    format === "supervisely" ? mergeSupervisely(shards, tmp, report, opts.link) : adapter!.merge!(shards, tmp, ctx, { link: opts.link }));
  report.count("items", items);
  return { format, runId, shards: of, items, report };
}

const ROOT_SKIPPED = new Set([OUTPUT_MARKER, SHARD_MANIFEST_FILE, SHARD_SIDECAR_DIR, META_FILE, DATASETS_NOTE_FILE]);

/** What a Supervisely shard recorded of each dataset (formats/supervisely/write.ts, SuperviselyShardDataset). */
interface ShardDataset { name: string; withImage: number; withoutImage: number; side: string }

function shardDatasetsOf(dir: string, manifest: ShardManifest): ShardDataset[] | null {
  const list = (manifest.state?.supervisely as { datasets?: unknown } | undefined)?.datasets;
  if (list === undefined) return null;
  if (!Array.isArray(list) || !list.every((d) => d && typeof d.name === "string" && typeof d.side === "string" && Number.isSafeInteger(d.withImage) && Number.isSafeInteger(d.withoutImage))) {
    throw new SlyconvError("shard-invalid", `${path.join(dir, SHARD_MANIFEST_FILE)}: state.supervisely.datasets is not a list of datasets; was it edited? Write that shard again`, { file: path.join(dir, SHARD_MANIFEST_FILE) }, 2);
  }
  return list as ShardDataset[];
}

/** The folder of a dataset of this full name (`a/b` → `a/datasets/b`). */
const folderOf = (fullName: string) => fullName.split("/").join(`/${DATASETS_DIR}/`);

/**
 * Where the single run puts items without an image: in a dataset that also has items with one, they go to a sibling
 * dataset of their own; in one that has none with an image, they stay. A shard that saw only such items of a dataset
 * left them in it, so merge moves them to the sibling when another shard had items with images there. Returns, per
 * shard, the folders whose files move (`a/ann` → `a-no-image/ann`), and the note entries of the single run.
 */
function placeItemsWithoutImage(shards: { dir: string; manifest: ShardManifest }[]): { moves: Map<string, string>[]; note: Record<string, string> } | null {
  const lists = shards.map((s) => shardDatasetsOf(s.dir, s.manifest));
  if (lists.some((l) => l === null)) return null;
  const first = lists[0]!;
  for (const [i, l] of lists.entries()) {
    if (l!.length !== first.length || l!.some((d, k) => d.name !== first[k].name)) {
      throw new SlyconvError("shards-of-different-runs", `${shards[i].dir} has other datasets than ${shards[0].dir}: the shards were not written by one run`, {}, 2);
    }
  }
  const moves = shards.map(() => new Map<string, string>());
  const note: Record<string, string> = {};
  first.forEach((d, k) => {
    const all = lists.map((l) => l![k]);
    if (!all.some((x) => x.withImage > 0) || !all.some((x) => x.withoutImage > 0)) return;
    const side = all.find((x) => x.withImage > 0 && x.withoutImage > 0)?.side ?? d.side;
    note[side] = d.name;
    all.forEach((x, s) => {
      if (x.withImage > 0 || x.withoutImage === 0) return;
      for (const sub of [ANN_DIR, IMG_INFO_DIR, META_DIR]) moves[s].set(`${folderOf(d.name)}/${sub}`, `${folderOf(side)}/${sub}`);
    });
  });
  return { moves, note };
}

async function mergeSupervisely(shards: { dir: string; manifest: ShardManifest }[], out: string, report: Report, link?: boolean): Promise<void> {
  const dirs = shards.map((s) => s.dir);
  const placed = placeItemsWithoutImage(shards);
  // Every file of every shard once: a file in two shards is an item in two shards (or a changed side file).
  const sideFiles = new Map<string, { bytes: Buffer; from: string }>();
  const copyTree = async (src: string, dest: string, rel: string, shard: number): Promise<void> => {
    const shardDir = dirs[shard];
    const moved = placed?.moves[shard].get(rel);
    if (moved !== undefined) {
      dest = path.join(out, ...moved.split("/"));
      await fs.mkdir(dest, { recursive: true });
      // The sibling dataset is a dataset: it has an img/ folder, empty.
      await fs.mkdir(path.join(path.dirname(dest), IMG_DIR), { recursive: true });
    }
    for (const e of await fs.readdir(src, { withFileTypes: true })) {
      if (rel === "" && ROOT_SKIPPED.has(e.name)) continue;
      const from = path.join(src, e.name), to = path.join(dest, e.name), relName = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        await fs.mkdir(to, { recursive: true });
        await copyTree(from, to, relName, shard);
      } else if (rel === "") {
        // A project side file (coco_info.json, …): the same in every shard of a run.
        const bytes = await fs.readFile(from);
        const seen = sideFiles.get(e.name);
        if (!seen) {
          sideFiles.set(e.name, { bytes, from: shardDir });
          await fs.writeFile(to, bytes, { flag: "wx" });
        } else if (!seen.bytes.equals(bytes)) {
          throw new SlyconvError("shard-conflict", `project file ${e.name} differs between ${seen.from} and ${shardDir}; were they written by one run?`, { file: from }, 1);
        }
      } else {
        try {
          await placeShardFile(from, to, { link, symlink: e.isSymbolicLink() });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
          throw new SlyconvError("shard-conflict", `${relName} is in more than one shard (${shardDir} and an earlier one); the shards overlap, so they are not one run's`, { file: from }, 1);
        }
      }
    }
  };
  for (let s = 0; s < dirs.length; s++) await copyTree(dirs[s], out, "", s);
  await writeNote(dirs, out, placed?.note);
  await writeMeta(shards, out, report);
}

async function readIfThere(file: string): Promise<Buffer | undefined> {
  return fs.readFile(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return undefined;
    throw e;
  });
}

/**
 * The datasets note (renamed datasets, item-without-image datasets): the single run's when the shards recorded their
 * datasets (`itemsWithoutImage` in their order), else the union of the shards' notes.
 */
async function writeNote(dirs: readonly string[], out: string, itemsWithoutImage?: Record<string, string>): Promise<void> {
  const notes = (await Promise.all(dirs.map((d) => readIfThere(path.join(d, DATASETS_NOTE_FILE))))).filter((b): b is Buffer => b !== undefined);
  if (itemsWithoutImage) {
    // Every shard renames the same datasets (by their names alone).
    const renamed = notes.length ? (JSON.parse(notes[0].toString("utf8")) as { renamed?: Record<string, string> }).renamed ?? {} : {};
    if (!Object.keys(renamed).length && !Object.keys(itemsWithoutImage).length) return;
    return fs.writeFile(path.join(out, DATASETS_NOTE_FILE), canonicalJson({ renamed, itemsWithoutImage }), { flag: "wx" });
  }
  if (!notes.length) return;
  if (notes.every((n) => n.equals(notes[0]))) return fs.writeFile(path.join(out, DATASETS_NOTE_FILE), notes[0], { flag: "wx" });
  const union = { renamed: {} as Record<string, string>, itemsWithoutImage: {} as Record<string, string> };
  for (const n of notes) {
    const v = JSON.parse(n.toString("utf8")) as Partial<typeof union>;
    Object.assign(union.renamed, v.renamed ?? {});
    Object.assign(union.itemsWithoutImage, v.itemsWithoutImage ?? {});
  }
  const sorted = (r: Record<string, string>) => Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]]));
  await fs.writeFile(path.join(out, DATASETS_NOTE_FILE), canonicalJson({ renamed: sorted(union.renamed), itemsWithoutImage: sorted(union.itemsWithoutImage) }), { flag: "wx" });
}

interface MetaJson { classes?: { title: string }[]; tags?: { name: string }[]; [k: string]: unknown }

/**
 * meta.json: the shards of one run read the same input, so their metas are normally byte-identical and shard 0's is
 * written as it is. A reader that read only its shard's items (its state in the manifests' `read`) gives the meta
 * the single run's reader gives, made again by its adapter's mergeMeta from every shard's state. Otherwise, when the
 * metas differ, the union: shard 0's classes and tags in their order, then each later shard's new ones; a class or
 * tag that two shards define differently is reported (shard 0's, or the first shard's that has it, is kept).
 */
async function writeMeta(shards: readonly { dir: string; manifest: ShardManifest }[], out: string, report: Report): Promise<void> {
  const dirs = shards.map((s) => s.dir);
  const reads = shards.map((s) => s.manifest.read);
  const reader = reads[0]?.format;
  if (reader !== undefined) {
    const adapter = findFormat(reader);
    if (!adapter?.mergeMeta || reads.some((r) => r?.format !== reader)) {
      throw new SlyconvError("shards-of-different-runs", `the shards' manifests say their items were read by different readers, or by one (${reader}) that merge cannot make the meta of; were they written by one run?`, {}, 2);
    }
    const meta = await adapter.mergeMeta(reads.map((r) => r!.state));
    return fs.writeFile(path.join(out, META_FILE), canonicalJson(await superviselyMetaJson(meta)), { flag: "wx" });
  }
  const metas = await Promise.all(dirs.map((d) => fs.readFile(path.join(d, META_FILE))));
  if (metas.every((m) => m.equals(metas[0]))) return fs.writeFile(path.join(out, META_FILE), metas[0], { flag: "wx" });
  const parsed = metas.map((m) => JSON.parse(m.toString("utf8")) as MetaJson);
  const union: MetaJson = { ...parsed[0], classes: [...(parsed[0].classes ?? [])], tags: [...(parsed[0].tags ?? [])] };
  const join = <T>(list: T[], more: T[] | undefined, key: (x: T) => string, what: string, shard: number) => {
    for (const x of more ?? []) {
      const have = list.find((y) => key(y) === key(x));
      if (!have) list.push(x);
      else if (JSON.stringify(have) !== JSON.stringify(x)) {
        report.warn("merge-meta-conflict", `${what} ${JSON.stringify(key(x))} differs in shard ${shard} (${dirs[shard]}); the first shard's definition is kept`, { file: path.join(dirs[shard], META_FILE) });
      }
    }
  };
  parsed.slice(1).forEach((m, i) => {
    join(union.classes!, m.classes, (c) => c.title, "class", i + 1);
    join(union.tags!, m.tags, (t) => t.name, "tag", i + 1);
  });
  await fs.writeFile(path.join(out, META_FILE), canonicalJson(union), { flag: "wx" });
}
