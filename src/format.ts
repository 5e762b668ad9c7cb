import type { Project } from "./model/project.js";
import type { ProjectMeta } from "./model/meta.js";
import type { Label, Tag } from "./model/annotation.js";
import type { Report } from "./report.js";
import type { Progress } from "./io/progress.js";
import type { ShardManifest, ShardReading, ShardWriting } from "./shard.js";

/** How sure an adapter is that an input is in its format, and the files that made it think so. */
export interface DetectResult {
  /** 0 = not this format, 1 = certain. */
  confidence: number;
  evidence: string[];
}

/** A command-line option an adapter understands; the CLI registers it, the adapter gets the parsed value. */
export interface OptionSpec {
  /** Commander flags, e.g. "--images-dir <dir>". */
  flags: string;
  description: string;
  defaultValue?: string | boolean;
  choices?: readonly string[];
}

/**
 * How the writer the items go to uses each label's geometry: "full" (the default); "extent": its type and extent (a
 * box) alone, as YOLO detect; "flat": it copies each polygon's points once, as flat numbers (the Supervisely
 * writer's packing). With "extent" or "flat" a reader may give polygons whose points are built only when read, or
 * copied straight from where the reader keeps them (src/geometry/extent.ts); with "extent", masks whose pixels are
 * made only when read. Every consumer still sees the same labels.
 */
export type GeometryNeed = "full" | "extent" | "flat";

/** What every adapter call receives: where to report, show progress, and whether to stop. */
export interface FormatContext {
  report: Report;
  progress: Progress;
  signal?: AbortSignal;
  /** Set for a writer that writes one shard of a run (`--shard I/N`, docs/scale-out.md). */
  shard?: ShardWriting;
  /** Set for a reader whose items go to one shard of a run that merge gives its meta (src/shard.ts). */
  shardRead?: ShardReading;
  /** For a reader: what the writer its items go to needs of their geometries (convert knows; absent: full). */
  geometry?: GeometryNeed;
}

/** How merge puts the shards' files into its output. */
export interface MergeFileOptions {
  /** Hardlink them (where the file system can) instead of copying. */
  link?: boolean;
}

/** One shard output given to merge: its folder and its manifest (checked to be one of the run's N shards). */
export interface ShardOutput {
  dir: string;
  manifest: ShardManifest;
}

export type FormatOptions = Record<string, unknown>;

/**
 * Which tags a writer writes: `true`, or why the tag is not written. The export pipeline (src/api.ts) asks this
 * for every image tag and every label's tag and counts the rest as lost, so that no writer can forget one.
 */
export interface TagsWritten {
  image(tag: Tag): true | string;
  object(tag: Tag, label: Label): true | string;
}

/**
 * One format: a cheap detect, a reader into the model, a writer out of it, and the declarations that
 * `slyconv formats`, the CLI and the README table are built from. The declarations are read at every CLI start;
 * detect, read and write load their implementation on first call (src/registry.ts).
 */
export interface FormatAdapter {
  name: string;
  title: string;
  description: string;
  /** Geometry types the format holds when writing; the rest is converted or counted as lost. */
  writesShapes: readonly string[];
  /** Geometry types the reader produces. */
  readsShapes: readonly string[];
  importOptions?: readonly OptionSpec[];
  exportOptions?: readonly OptionSpec[];
  /** Objects the writer leaves out unless told otherwise (src/skip-objects.ts); absent: it keeps every object. */
  skipsByDefault?: { crowd: boolean; difficult: boolean };
  detect(input: string): Promise<DetectResult>;
  read?(input: string, options: FormatOptions, ctx: FormatContext): Promise<Project>;
  /**
   * The tags the writer writes, for the given export options. Absent: the format holds no tags, and every tag is
   * counted as lost.
   */
  writesTags?(options: FormatOptions): TagsWritten;
  /** Writes into `outDir`, an empty folder that the caller renames into place once this resolves. */
  write?(project: Project, outDir: string, options: FormatOptions, ctx: FormatContext): Promise<void>;
  /**
   * Joins the outputs of the N shards of one run (in shard order) into `outDir`, an empty folder, as the single run
   * would have written it (`slyconv merge`).
   */
  merge?(shards: readonly ShardOutput[], outDir: string, ctx: FormatContext, options: MergeFileOptions): Promise<void>;
  /**
   * The single run's project meta, from the `state` each shard's reader recorded (FormatContext.shardRead), in shard
   * order: for a reader whose meta depends on what its items hold and that reads only the shard's items.
   */
  mergeMeta?(states: readonly Record<string, unknown>[]): Promise<ProjectMeta>;
  /** What the writer needs of each label's geometry, for the given export options (absent: "full"). */
  geometryNeeded?(options: FormatOptions): GeometryNeed;
}

export const NOT_DETECTED: DetectResult = { confidence: 0, evidence: [] };
