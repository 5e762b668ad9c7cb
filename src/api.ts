/**
 * The library's operations; the CLI is a thin layer over these.
 */
import type { FormatAdapter, FormatContext, FormatOptions, GeometryNeed, TagsWritten } from "./format.js";
import { FORMATS, FORMAT_ALIASES, findFormat } from "./registry.js";
import { similarFormatNames } from "./format-suggestions.js";
import type { Dataset, Item, Project, Vec2 } from "./model/index.js";
import { geometryVertices, holeVertices } from "./geometry/bounds.js";
import { knownExtent } from "./geometry/extent.js";
import { maxLabels, MAX_LABELS_ENV, maxVertices, vertexLimitError } from "./limits.js";
import { iterateItems, knownItemCount } from "./model/index.js";
import { Report } from "./report.js";
import { silentProgress, withKnownTotal, type Progress } from "./io/progress.js";
import { checkOutputTarget, writeAtomically, requireInput } from "./io/safe-output.js";
import { skipPolicyOf, withoutSkippedObjects } from "./skip-objects.js";
import { readdir } from "node:fs/promises";
import type { Stats } from "node:fs";
import { SlyconvError, UsageError, optionName } from "./errors.js";
import { READER_OPTION_KEYS, optionKeysOf, refuseUnknownOptions, type FormatId, type FormatName, type NoOptions, type ReadOptionsOf, type WriteOptionsOf } from "./format-options.js";
import type { ImageMode } from "./supervisely/layout.js";
import { archiveKindOf, extractToScratch, isArchivePath, withoutScratchSymlinks, type ExtractLimits } from "./io/archive-extract.js";
import { archiveOutputPath, writeArchiveFrom, type ArchiveFormat } from "./io/archive-create.js";
import { visibleDatasetName } from "./io/dataset-names.js";
import { newShardCounter, positionOf, runIdOf, runOptionsOf, shardProject, sidecarPath, SidecarWriter, writeShardManifest, type ShardManifest, type ShardReading, type ShardSpec, type ShardWriting } from "./shard.js";
import path from "node:path";

export interface RunOptions {
  report?: Report;
  progress?: Progress;
  signal?: AbortSignal;
}

function contextOf(opts: RunOptions): FormatContext {
  return { report: opts.report ?? new Report(), progress: opts.progress ?? silentProgress, signal: opts.signal };
}

/** The input's stat; a missing input or an empty folder is a usage error (exit 2) naming it. */
async function requireUsableInput(input: string, what = "input"): Promise<Stats> {
  const stat = await requireInput(input, what);
  if (stat.isDirectory() && (await readdir(input)).length === 0) {
    throw new SlyconvError("input-empty", `${what} folder ${input} is empty`, { file: input, inMessage: true }, 2);
  }
  return stat;
}

/** A writer's context: its progress bar gets the item total when the reader knew it. */
function writeContextOf(project: Project, opts: RunOptions): FormatContext {
  const ctx = contextOf(opts);
  return { ...ctx, progress: withKnownTotal(ctx.progress, knownItemCount(project)) };
}

export interface DetectionCandidate { format: FormatName; confidence: number; evidence: string[] }
export interface Detection { format: FormatName; confidence: number; evidence: string[]; candidates: DetectionCandidate[] }

/** detectFormat's refusal (no format, or several about as likely), with every candidate it weighed (`detect --json`). */
export class DetectionError extends SlyconvError {
  readonly details: { candidates: DetectionCandidate[] };
  constructor(code: "format-unknown" | "format-ambiguous", message: string, input: string, candidates: DetectionCandidate[]) {
    super(code, message, { file: input, inMessage: true });
    this.details = { candidates };
  }
}

/** Confidence above which a candidate counts as strong; two strong candidates within AMBIGUITY_MARGIN are ambiguous. */
const STRONG = 0.5;
const AMBIGUITY_MARGIN = 0.1;

/** Asks every adapter how sure it is; the best wins unless another strong candidate is about as sure. */
export async function detectFormat(input: string): Promise<Detection> {
  const stat = await requireUsableInput(input);
  if (stat.isFile() && isArchivePath(input)) {
    // Looks inside: the archive is extracted to a scratch folder for the question and removed again.
    const extracted = await extractToScratch(input);
    try {
      return await detectFormat(extracted.root);
    } catch (e) {
      throw extracted.relabel(e);
    } finally {
      await extracted.dispose();
    }
  }
  const candidates: DetectionCandidate[] = [];
  for (const f of FORMATS) {
    if (!f.read) continue;
    const r = await f.detect(input);
    if (r.confidence > 0) candidates.push({ format: f.name as FormatName, confidence: r.confidence, evidence: r.evidence });
  }
  candidates.sort((a, b) => b.confidence - a.confidence);
  const [best, second] = candidates;
  if (!best || best.confidence < 0.3) {
    throw new DetectionError("format-unknown", `cannot tell the format of ${input}; pass ${optionName("format")} with one of: ${readableFormats().join(", ")}`, input, candidates);
  }
  if (second && second.confidence >= STRONG && best.confidence - second.confidence < AMBIGUITY_MARGIN) {
    const list = candidates.filter((c) => c.confidence >= STRONG).map((c) => `${c.format} (${c.confidence.toFixed(2)}: ${c.evidence.slice(0, 3).join(", ")})`);
    throw new DetectionError("format-ambiguous", `${input} looks like several formats: ${list.join("; ")}; pass ${optionName("format")} to choose`, input, candidates);
  }
  return { ...best, candidates };
}

/**
 * A format forced with -f must find something of its own in the input: a reader given another format's data finds
 * nothing of its format and would give an empty project with exit 0. When its detector sees no evidence at all and
 * another format's does, that is an error naming what the input looks like. With no evidence of any format the
 * reader runs and says what it looked for (or reads what it can, such as a folder of images).
 */
async function requireFormatEvidence(adapter: FormatAdapter, input: string): Promise<void> {
  if ((await adapter.detect(input)).confidence > 0) return;
  let best: DetectionCandidate | undefined;
  for (const f of FORMATS) {
    if (!f.read || f === adapter) continue;
    const r = await f.detect(input);
    if (r.confidence > (best?.confidence ?? 0)) best = { format: f.name as FormatName, confidence: r.confidence, evidence: r.evidence };
  }
  if (!best) return;
  const evidence = best.evidence.slice(0, 3).join(", ");
  throw new SlyconvError("format-not-found", `no ${adapter.title} data found (${optionName("format")} ${adapter.name}): it looks like ${best.format} (${evidence}); pass ${optionName("format")} ${best.format}, or leave ${optionName("format")} out to detect it`, { file: input });
}

export function readableFormats(): string[] {
  return FORMATS.filter((f) => f.read).map((f) => f.name);
}
export function writableFormats(): string[] {
  return FORMATS.filter((f) => f.write).map((f) => f.name);
}

function adapterFor(name: string, need: "read" | "write"): FormatAdapter {
  const f = findFormat(name);
  if (!f) {
    const similar = [...new Set(similarFormatNames(name).map((n) => findFormat(n)!.name))];
    const hint = similar.length ? `did you mean ${similar.slice(0, 2).join(" or ")}? ` : "";
    throw new UsageError(`unknown format ${JSON.stringify(name)}; ${hint}known formats: ${FORMATS.map((x) => x.name).join(", ")} (also accepted: ${Object.keys(FORMAT_ALIASES).join(", ")})`);
  }
  if (!f[need]) throw new UsageError(`format ${f.name} cannot be ${need === "read" ? "read" : "written"}; ${need === "read" ? "readable" : "writable"} formats: ${(need === "read" ? readableFormats() : writableFormats()).join(", ")}`);
  return f;
}

/**
 * Reads any supported input into the project model (detecting the format when none is given). A .zip, .tar or
 * .tar.gz file is extracted into a scratch folder first (docs/archives.md); items may stream from there, so call
 * `dispose()` once the project has been written (it does nothing for other inputs).
 */
export async function readDataset<F extends FormatId = FormatId>(input: string, opts: ReadOptions<F> = {}): Promise<ReadResult> {
  return readInput(input, opts as ReadOptions, { alsoKnown: [], added: {} });
}

export interface ReadOptions<F extends FormatId = FormatId> extends RunOptions {
  /** The input's format (a name or an alias); detected when absent. */
  format?: F;
  /** The reader's options (docs/library.md); a key the reader does not know is refused. */
  formatOptions?: ReadOptionsOf<F>;
  archiveLimits?: ExtractLimits;
}

export interface ReadResult { project: Project; format: FormatName; fromArchive: boolean; dispose(): Promise<void> }

/**
 * readDataset, with keys the caller checks itself (convert: the writer's) and options added after the check
 * (import: the Supervisely writer's `images`, which tells the COCO reader whether to look for images).
 */
async function readInput(input: string, opts: ReadOptions, extra: { alsoKnown: readonly string[]; added: FormatOptions; geometry?: GeometryNeed; shardRead?: ShardReading }): Promise<ReadResult> {
  const stat = await requireUsableInput(input);
  if (stat.isFile() && isArchivePath(input)) {
    const extracted = await extractToScratch(input, { ...opts.archiveLimits, report: opts.report, progress: opts.progress });
    try {
      return { ...(await readInput(extracted.root, opts, extra)), fromArchive: true, dispose: extracted.dispose };
    } catch (e) {
      await extracted.dispose();
      throw extracted.relabel(e);
    }
  }
  const format = opts.format ?? (await detectFormat(input)).format;
  const adapter = adapterFor(format, "read");
  refuseUnknownOptions(opts.formatOptions as FormatOptions | undefined, [...optionKeysOf(adapter.importOptions), ...READER_OPTION_KEYS, ...extra.alsoKnown], `${adapter.name} import`);
  if (opts.format) await requireFormatEvidence(adapter, input);
  const ctx: FormatContext = { ...contextOf(opts), ...(extra.geometry ? { geometry: extra.geometry } : {}), ...(extra.shardRead ? { shardRead: extra.shardRead } : {}) };
  const project = await adapter.read!(input, { ...opts.formatOptions, ...extra.added }, ctx);
  return { project, format: adapter.name as FormatName, fromArchive: false, dispose: async () => {} };
}

/** Reads a Supervisely project folder. */
export async function readProject(dir: string, opts: RunOptions = {}): Promise<Project> {
  // Through the registry: its adapter loads the reader on first call, so that validate and detect never load it.
  await requireUsableInput(dir, "project");
  return adapterFor("supervisely", "read").read!(dir, {}, contextOf(opts));
}

/** `--shard I/N` (docs/scale-out.md): only the shard's items are written, with a shard manifest beside them. */
export interface ShardOptions {
  shard?: ShardSpec;
  /** The same on every shard of one run; derived from the input, formats and options when absent. */
  runId?: string;
}

/**
 * The project a writer gets: with a shard, only its items (the one place the filter is applied, so every format
 * gets it), and a `finish` that writes the shard manifest into the output folder once the writer is done.
 */
function shardedForWriting(project: Project, opts: ShardOptions, format: string, read?: ShardManifest["read"]): { project: Project; writing?: ShardWriting; finish(dir: string): Promise<void> } {
  const shard = opts.shard;
  if (!shard) return { project, finish: async () => {} };
  const counter = newShardCounter();
  const writing: ShardWriting = {
    spec: shard,
    positionOf,
    state: {},
    sidecar: (dir, name) => SidecarWriter.open(sidecarPath(dir, name)),
  };
  return {
    project: shardProject(project, shard, counter),
    writing,
    finish: (dir) => writeShardManifest(dir, {
      kind: "slyconv-shard", runId: opts.runId ?? "unnamed", shard: shard.index, of: shard.count, format, items: counter.items,
      listing: { items: counter.listed, sha256: counter.hash.digest("hex") },
      ...(Object.keys(writing.state).length ? { state: writing.state } : {}),
      ...(read && Object.keys(read.state).length ? { read } : {}),
    }),
  };
}

/** The run id of a sharded run: the one given, else one from what defines the run. */
function runIdFor(opts: ShardOptions, parts: Record<string, unknown>): string | undefined {
  if (!opts.shard) return undefined;
  return opts.runId ?? runIdOf(parts);
}

export interface WriteOptions extends RunOptions, ShardOptions {
  force?: boolean;
  images?: ImageMode;
  /** Paths the output may not be, hold or lie inside (import, export and convert pass what they read). */
  inputs?: readonly string[];
}

/** What a run reads, for the output checks: the input and the folders options point it to. */
function inputsOf(input: string, formatOptions: FormatOptions | undefined): string[] {
  const extra = [formatOptions?.imagesDir, formatOptions?.sizesFrom].filter((p): p is string => typeof p === "string");
  return [input, ...extra];
}

/** What a format without a `writesTags` declaration writes: no tag. */
export function noTagsWritten(title: string): TagsWritten {
  return { image: () => `${title} has no image tags`, object: () => `${title} has no object tags` };
}

/**
 * Checks every item on its way to a writer: more labels than the per-item limit stop the run (a writer would make an
 * annotation file too large to read back); vertices far outside the image (beyond it by more than its own width or
 * height, or not finite) get a warning with their count, as the mask exports clip them.
 */
function checkItemBounds(item: Item, dataset: string, report: Report, limit: number, vertexLimit: number): void {
  const { labels, size } = item.annotation;
  if (labels.length > limit) {
    throw new SlyconvError("labels-limit", `item ${JSON.stringify(item.name)} of dataset ${dataset} holds ${labels.length} labels, over the limit of ${limit} per item; if that is real, raise it with ${MAX_LABELS_ENV}=${labels.length}`);
  }
  const width = size.width ?? 0, height = size.height ?? 0;
  const sized = width > 0 && height > 0;
  let count = 0, objects = 0, farthest: Vec2 | null = null, worst = 0, total = 0;
  for (const l of labels) {
    const extent = knownExtent(l.geometry);
    if (extent) {
      // The extent says whether any vertex is far outside; only then are they counted one by one (below).
      const beyond = Math.max(-width - extent.left, extent.right - 2 * width, -height - extent.top, extent.bottom - 2 * height);
      if (!sized || beyond <= 0) {
        total += extent.vertices;
        continue;
      }
    }
    const vertices = geometryVertices(l.geometry);
    if (!vertices) continue;
    total += vertices.length + holeVertices(l.geometry);
    if (!sized) continue;
    let here = 0;
    for (const v of vertices) {
      const beyond = Math.max(-width - v[0], v[0] - 2 * width, -height - v[1], v[1] - 2 * height);
      if (beyond > 0 || Number.isNaN(beyond)) {
        here++;
        if (!(beyond <= worst)) { worst = beyond; farthest = v; }
      }
    }
    if (here) { count += here; objects++; }
  }
  if (total > vertexLimit) throw vertexLimitError(`item ${JSON.stringify(item.name)} of dataset ${dataset} holds ${total} vertices`, total);
  if (count) {
    report.warn("coordinates-far-outside", `item ${JSON.stringify(item.name)}: ${count} ${count === 1 ? "vertex" : "vertices"} of ${objects} ${objects === 1 ? "label lies" : "labels lie"} far outside the ${width}×${height} image${farthest ? ` (the farthest at ${farthest[0]}, ${farthest[1]})` : ""}; ${count === 1 ? "it is" : "they are"} kept, and mask exports clip them to the image`, { file: `${dataset}/${item.name}` });
  }
}

/**
 * The same project whose items, as they stream into a writer, are counted in the report (items, labels per class)
 * for the summary that `--json` prints; with `tags`, every image and object tag the writer does not write is counted
 * as lost (`tag <name>`, per class; `(image)` for image tags).
 */
export function tallyProject(project: Project, report: Report, tags?: TagsWritten): Project {
  // Names of a level, so that a renamed hidden dataset (`.x` → `_x`) does not take a sibling's name.
  const level = (list: Dataset[], parent: string | null) => {
    const names = new Set(list.map((d) => d.name));
    return list.map((ds) => {
      const name = visibleDatasetName(ds.name, names, parent, report);
      names.add(name);
      return wrap(ds, name);
    });
  };
  // "tag <name>" once per tag name: a stream of items has the same few tags on every label.
  const tagWhat = new Map<string, string>();
  const lostTag = (name: string) => {
    let what = tagWhat.get(name);
    if (what === undefined) tagWhat.set(name, (what = `tag ${name}`));
    return what;
  };
  const wrap = (ds: Dataset, name: string): Dataset => ({
    ...ds,
    name,
    datasets: level(ds.datasets, name),
    items: async function* () {
      const limit = maxLabels(), vertexLimit = maxVertices();
      for await (const item of iterateItems(ds.items)) {
        report.count("itemsRead");
        checkItemBounds(item, ds.name, report, limit, vertexLimit);
        for (const l of item.annotation.labels) {
          report.labelsPerClass[l.classTitle] = (report.labelsPerClass[l.classTitle] ?? 0) + 1;
          if (tags) {
            for (const t of l.tags) {
              const written = tags.object(t, l);
              if (written !== true) report.lose(l.classTitle, lostTag(t.name), written);
            }
          }
        }
        if (tags) {
          for (const t of item.annotation.tags) {
            const written = tags.image(t);
            if (written !== true) report.lose("(image)", lostTag(t.name), written);
          }
        }
        yield item;
      }
    },
  });
  return { ...project, datasets: level(project.datasets, null) };
}

/** Writes a project as a Supervisely project folder, atomically. */
export async function writeProject(project: Project, out: string, opts: WriteOptions = {}): Promise<{ items: number }> {
  return writeProjectRead(project, out, opts);
}

/** writeProject, with what the reader of a shard recorded for merge (import: ShardReading). */
async function writeProjectRead(project: Project, out: string, opts: WriteOptions, read?: ShardManifest["read"]): Promise<{ items: number }> {
  const sharded = shardedForWriting(project, opts, "supervisely", read);
  const ctx = { ...writeContextOf(sharded.project, opts), shard: sharded.writing };
  const counted = tallyProject(sharded.project, ctx.report);
  const sly = adapterFor("supervisely", "write");
  // The writer counts the items it wrote in the report's `items`.
  const before = ctx.report.stats.items ?? 0;
  await writeAtomically(out, { force: opts.force, inputs: opts.inputs }, "dir", async (tmp) => {
    await sly.write!(counted, tmp, { images: opts.images }, ctx);
    await sharded.finish(tmp);
  });
  return { items: (ctx.report.stats.items ?? 0) - before };
}

export interface ImportOptions<F extends FormatId = FormatId> extends WriteOptions {
  /** The input's format (a name or an alias); detected when absent. */
  format?: F;
  /** The reader's options (docs/library.md); a key the reader does not know is refused. */
  formatOptions?: ReadOptionsOf<F>;
  archiveLimits?: ExtractLimits;
}

/** `slyconv import`: any supported input → a Supervisely project folder. */
export async function importDataset<F extends FormatId = FormatId>(input: string, out: string, opts: ImportOptions<F> = {}): Promise<{ format: FormatName; items: number; report: Report }> {
  const report = opts.report ?? new Report();
  const inputs = inputsOf(input, opts.formatOptions as FormatOptions | undefined);
  const runId = runIdFor(opts, { command: "import", input: path.resolve(input), format: opts.format, images: opts.images, options: runOptionsOf(opts.formatOptions as Record<string, unknown> | undefined) });
  // Refused before any reading: the output is checked again when it is written.
  await checkOutputTarget(out, { force: opts.force, inputs });
  // The writing's file thread starts while the input is read.
  const { FileWriterThread } = await import("./io/file-writer.js");
  FileWriterThread.prestart();
  try {
    const added = opts.images === undefined ? {} : { images: opts.images };
    const geometry = adapterFor("supervisely", "write").geometryNeeded?.({});
    // merge writes meta.json again: a reader that can read only the shard's items may, and leave the meta to merge.
    const shardRead: ShardReading | undefined = opts.shard ? { spec: opts.shard, state: {} } : undefined;
    const { project, format, fromArchive, dispose } = await readInput(input, { ...opts, report }, { alsoKnown: [], added, geometry, shardRead });
    try {
      const read = shardRead ? { format, state: shardRead.state } : undefined;
      const { items } = await writeProjectRead(project, out, fromArchive ? withoutScratchSymlinks({ ...opts, report, inputs, runId }, report) : { ...opts, report, inputs, runId }, read);
      return { format, items, report };
    } finally {
      await dispose();
    }
  } finally {
    await FileWriterThread.discardPrestarted();
  }
}

export interface ExportOptions<F extends FormatId = FormatId> extends RunOptions, ShardOptions {
  /** The output's format (a name or an alias). */
  format: F;
  force?: boolean;
  /** The writer's options (docs/library.md); a key the writer does not know is refused. */
  formatOptions?: WriteOptionsOf<F>;
  /**
   * How images get into the output, as in importDataset: the same as `formatOptions.images`, for the writers that
   * copy images (a writer without that option refuses it).
   */
  images?: ImageMode;
  /** Write one archive file instead of a folder; `out` gets the extension when it lacks it (docs/archives.md). */
  archive?: ArchiveFormat;
  /** Paths the output may not be, hold or lie inside (export and convert pass what they read). */
  inputs?: readonly string[];
}

/** Refuses an output before any reading starts (writeAtomically checks it again when writing). */
async function checkExportOutput(out: string, opts: { force?: boolean; archive?: ArchiveFormat; inputs: readonly string[] }): Promise<void> {
  const archive = opts.archive ?? archiveNamedBy(out);
  if (archive) await checkOutputTarget(archiveOutputPath(out, archive), opts, "file");
  else await checkOutputTarget(out, opts);
}

/**
 * The archive an output name asks for (`out.zip`, `out.tar.gz`, `out.tgz`) when no archive type is given; a name
 * ending in a slash is a folder whatever its extension.
 */
function archiveNamedBy(out: string): ArchiveFormat | undefined {
  if (/[\\/]$/.test(out)) return undefined;
  const kind = archiveKindOf(out);
  if (kind === "tar") throw new UsageError(`output ${out} names a .tar archive, which is not written; name it .tar.gz or .zip (or end it with / for a folder)`);
  return kind ?? undefined;
}

/** `formatOptions` with the top-level `images` in it (one value, given either way). */
function writerOptionsOf(opts: { images?: ImageMode; formatOptions?: FormatOptions }): FormatOptions {
  const given = opts.formatOptions ?? {};
  if (opts.images === undefined) return given;
  if (given.images !== undefined && given.images !== opts.images) {
    throw new UsageError(`${optionName("images")} is ${JSON.stringify(opts.images)} but formatOptions.images is ${JSON.stringify(given.images)}; give one`);
  }
  return { ...given, images: opts.images };
}

/** Writes a project (already in memory) in another format, atomically; returns the path written. */
export async function writeDataset<F extends FormatId = FormatId>(project: Project, out: string, opts: ExportOptions<F>): Promise<{ output: string }> {
  const adapter = adapterFor(opts.format, "write");
  const formatOptions = writerOptionsOf(opts);
  refuseUnknownOptions(formatOptions, optionKeysOf(adapter.exportOptions), `${adapter.name} export`);
  return writeOutput(project, out, adapter, formatOptions, opts);
}

/** writeDataset once the options are checked (convert checks the reader's and the writer's keys together). */
async function writeOutput(project: Project, out: string, adapter: FormatAdapter, formatOptions: FormatOptions, opts: Omit<ExportOptions, "format" | "formatOptions">): Promise<{ output: string }> {
  const sharded = shardedForWriting(project, opts, adapter.name);
  const ctx = { ...writeContextOf(sharded.project, opts), shard: sharded.writing };
  // Objects the crowd/difficult policy leaves out are taken out (and counted) first: their tags are not lost twice.
  const policy = skipPolicyOf(formatOptions, adapter.skipsByDefault);
  const counted = tallyProject(withoutSkippedObjects(sharded.project, policy, ctx.report), ctx.report, adapter.writesTags?.(formatOptions) ?? noTagsWritten(adapter.title));
  const write = async (dir: string) => {
    await adapter.write!(counted, dir, formatOptions, ctx);
    await sharded.finish(dir);
  };
  const archive = opts.archive ?? archiveNamedBy(out);
  if (archive) {
    const output = archiveOutputPath(out, archive);
    await writeAtomically(output, { force: opts.force, inputs: opts.inputs }, "file", (tmp) => writeArchiveFrom(tmp, archive, write, output));
    return { output };
  }
  await writeAtomically(out, { force: opts.force, inputs: opts.inputs }, "dir", write);
  return { output: out };
}

/** `slyconv export`: a Supervisely project folder → another format. */
export async function exportProject<F extends FormatId = FormatId>(projectDir: string, out: string, opts: ExportOptions<F>): Promise<{ report: Report; output: string }> {
  const report = opts.report ?? new Report();
  const adapter = adapterFor(opts.format, "write");
  // Refused before anything is read.
  refuseUnknownOptions(writerOptionsOf(opts), optionKeysOf(adapter.exportOptions), `${adapter.name} export`);
  const inputs = [projectDir];
  await checkExportOutput(out, { ...opts, inputs });
  const runId = runIdFor(opts, { command: "export", input: path.resolve(projectDir), format: opts.format, options: runOptionsOf(writerOptionsOf(opts)) });
  const project = await readProject(projectDir, { ...opts, report });
  const { output } = await writeDataset(project, out, { ...opts, report, inputs, runId });
  return { report, output };
}

export interface ConvertOptions<F extends FormatId = FormatId, T extends FormatId = FormatId> extends RunOptions, ShardOptions {
  /** The input's format (a name or an alias); detected when absent. */
  from?: F;
  /** The output's format. */
  to: T;
  force?: boolean;
  /**
   * The reader's and the writer's options in one object, as the CLI takes them: each side reads its own keys; a
   * key neither knows is refused.
   */
  formatOptions?: BothOptions<ReadOptionsOf<F>, WriteOptionsOf<T>>;
  /** How images get into the output (the writer's `images`). */
  images?: ImageMode;
  archive?: ArchiveFormat;
  archiveLimits?: ExtractLimits;
}

/** The keys of both sides; a side without options adds none (rather than making every key `never`). */
type BothOptions<R, W> = R extends NoOptions ? W : W extends NoOptions ? R : R & W;

/** `slyconv convert`: straight through the model, no Supervisely project on disk. */
export async function convertDataset<F extends FormatId = FormatId, T extends FormatId = FormatId>(input: string, out: string, opts: ConvertOptions<F, T>): Promise<{ from: FormatName; report: Report; output: string }> {
  for (const old of ["readOptions", "writeOptions"]) {
    if (old in opts) throw new UsageError(`${optionName(old)} is not an option of convertDataset: pass the reader's and the writer's options together in ${optionName("formatOptions")}`);
  }
  const report = opts.report ?? new Report();
  const writer = adapterFor(opts.to, "write");
  const formatOptions = writerOptionsOf(opts as { images?: ImageMode; formatOptions?: FormatOptions });
  const inputs = inputsOf(input, formatOptions);
  const runId = runIdFor(opts, { command: "convert", input: path.resolve(input), from: opts.from, to: opts.to, options: runOptionsOf(formatOptions) });
  await checkExportOutput(out, { ...opts, inputs });
  const { project, format, fromArchive, dispose } = await readInput(input, { ...opts, report, format: opts.from, formatOptions }, { alsoKnown: optionKeysOf(writer.exportOptions), added: {}, geometry: writer.geometryNeeded?.(formatOptions) });
  try {
    // Into an archive, links are followed while the scratch folder still exists; into a folder they would dangle.
    const writeOptions = fromArchive && !(opts.archive ?? archiveNamedBy(out)) ? withoutScratchSymlinks(formatOptions, report) : formatOptions;
    const { output } = await writeOutput(project, out, writer, writeOptions, { ...opts, report, inputs, runId });
    return { from: format, report, output };
  } finally {
    await dispose();
  }
}
