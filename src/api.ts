/**
 * The library's operations; the CLI is a thin layer over these.
 */
import type { FormatAdapter, FormatContext, FormatOptions } from "./format.js";
import { FORMATS, findFormat } from "./registry.js";
import type { Dataset, Project } from "./model/index.js";
import { iterateItems } from "./model/index.js";
import { Report } from "./report.js";
import { silentProgress, type Progress } from "./io/progress.js";
import { writeAtomically, requireInput } from "./io/safe-output.js";
import { SlyconvError, UsageError } from "./errors.js";
import { readSuperviselyProject, writeSuperviselyProject } from "../formats/supervisely/index.js";
import type { ImageMode } from "../formats/supervisely/write.js";

export interface RunOptions {
  report?: Report;
  progress?: Progress;
  signal?: AbortSignal;
}

function contextOf(opts: RunOptions): FormatContext {
  return { report: opts.report ?? new Report(), progress: opts.progress ?? silentProgress, signal: opts.signal };
}

export interface DetectionCandidate { format: string; confidence: number; evidence: string[] }
export interface Detection { format: string; confidence: number; evidence: string[]; candidates: DetectionCandidate[] }

/** Confidence above which a candidate counts as strong; two strong candidates within AMBIGUITY_MARGIN are ambiguous. */
const STRONG = 0.5;
const AMBIGUITY_MARGIN = 0.1;

/** Asks every adapter how sure it is; the best wins unless another strong candidate is about as sure. */
export async function detectFormat(input: string): Promise<Detection> {
  await requireInput(input);
  const candidates: DetectionCandidate[] = [];
  for (const f of FORMATS) {
    if (!f.read) continue;
    const r = await f.detect(input);
    if (r.confidence > 0) candidates.push({ format: f.name, confidence: r.confidence, evidence: r.evidence });
  }
  candidates.sort((a, b) => b.confidence - a.confidence);
  const [best, second] = candidates;
  if (!best || best.confidence < 0.3) {
    throw new SlyconvError("format-unknown", `cannot tell the format of ${input}; pass -f with one of: ${readableFormats().join(", ")}`, { file: input });
  }
  if (second && second.confidence >= STRONG && best.confidence - second.confidence < AMBIGUITY_MARGIN) {
    const list = candidates.filter((c) => c.confidence >= STRONG).map((c) => `${c.format} (${c.confidence.toFixed(2)}: ${c.evidence.slice(0, 3).join(", ")})`);
    throw new SlyconvError("format-ambiguous", `${input} looks like several formats: ${list.join("; ")}; pass -f to choose`, { file: input });
  }
  return { ...best, candidates };
}

export function readableFormats(): string[] {
  return FORMATS.filter((f) => f.read).map((f) => f.name);
}
export function writableFormats(): string[] {
  return FORMATS.filter((f) => f.write).map((f) => f.name);
}

function adapterFor(name: string, need: "read" | "write"): FormatAdapter {
  const f = findFormat(name);
  if (!f) throw new UsageError(`unknown format ${JSON.stringify(name)}; known formats: ${FORMATS.map((x) => x.name).join(", ")}`);
  if (!f[need]) throw new UsageError(`format ${f.name} cannot be ${need === "read" ? "read" : "written"}; ${need === "read" ? "readable" : "writable"} formats: ${(need === "read" ? readableFormats() : writableFormats()).join(", ")}`);
  return f;
}

/** Reads any supported input into the project model (detecting the format when none is given). */
export async function readDataset(input: string, opts: RunOptions & { format?: string; formatOptions?: FormatOptions } = {}): Promise<{ project: Project; format: string }> {
  await requireInput(input);
  const format = opts.format ?? (await detectFormat(input)).format;
  const adapter = adapterFor(format, "read");
  const project = await adapter.read!(input, opts.formatOptions ?? {}, contextOf(opts));
  return { project, format: adapter.name };
}

/** Reads a Supervisely project folder. */
export function readProject(dir: string, opts: RunOptions = {}): Promise<Project> {
  return readSuperviselyProject(dir, contextOf(opts));
}

export interface WriteOptions extends RunOptions {
  force?: boolean;
  images?: ImageMode;
}

/**
 * The same project whose items, as they stream into a writer, are counted in the report (items, labels per class)
 * for the summary that `--json` prints.
 */
export function tallyProject(project: Project, report: Report): Project {
  const wrap = (ds: Dataset): Dataset => ({
    ...ds,
    datasets: ds.datasets.map(wrap),
    items: async function* () {
      for await (const item of iterateItems(ds.items)) {
        report.count("itemsRead");
        for (const l of item.annotation.labels) report.labelsPerClass[l.classTitle] = (report.labelsPerClass[l.classTitle] ?? 0) + 1;
        yield item;
      }
    },
  });
  return { ...project, datasets: project.datasets.map(wrap) };
}

/** Writes a project as a Supervisely project folder, atomically. */
export async function writeProject(project: Project, out: string, opts: WriteOptions = {}): Promise<{ items: number }> {
  const ctx = contextOf(opts);
  const counted = tallyProject(project, ctx.report);
  return writeAtomically(out, { force: opts.force }, "dir", (tmp) => writeSuperviselyProject(counted, tmp, { images: opts.images }, ctx));
}

export interface ImportOptions extends WriteOptions {
  format?: string;
  formatOptions?: FormatOptions;
}

/** `slyconv import`: any supported input → a Supervisely project folder. */
export async function importDataset(input: string, out: string, opts: ImportOptions = {}): Promise<{ format: string; items: number; report: Report }> {
  const report = opts.report ?? new Report();
  const { project, format } = await readDataset(input, { ...opts, report });
  const { items } = await writeProject(project, out, { ...opts, report });
  return { format, items, report };
}

export interface ExportOptions extends RunOptions {
  format: string;
  force?: boolean;
  formatOptions?: FormatOptions;
}

/** Writes a project (already in memory) in another format, atomically. */
export async function writeDataset(project: Project, out: string, opts: ExportOptions): Promise<void> {
  const adapter = adapterFor(opts.format, "write");
  const ctx = contextOf(opts);
  const counted = tallyProject(project, ctx.report);
  await writeAtomically(out, { force: opts.force }, "dir", (tmp) => adapter.write!(counted, tmp, opts.formatOptions ?? {}, ctx));
}

/** `slyconv export`: a Supervisely project folder → another format. */
export async function exportProject(projectDir: string, out: string, opts: ExportOptions): Promise<{ report: Report }> {
  const report = opts.report ?? new Report();
  adapterFor(opts.format, "write");
  const project = await readProject(projectDir, { ...opts, report });
  await writeDataset(project, out, { ...opts, report });
  return { report };
}

/** `slyconv convert`: straight through the model, no Supervisely project on disk. */
export async function convertDataset(input: string, out: string, opts: RunOptions & { from?: string; to: string; force?: boolean; readOptions?: FormatOptions; writeOptions?: FormatOptions }): Promise<{ from: string; report: Report }> {
  const report = opts.report ?? new Report();
  adapterFor(opts.to, "write");
  const { project, format } = await readDataset(input, { ...opts, report, format: opts.from, formatOptions: opts.readOptions });
  await writeDataset(project, out, { ...opts, report, format: opts.to, formatOptions: opts.writeOptions });
  return { from: format, report };
}
