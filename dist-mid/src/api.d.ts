/**
 * The library's operations; the CLI is a thin layer over these.
 */
import type { TagsWritten } from "./format.js";
import type { Project } from "./model/index.js";
import { Report } from "./report.js";
import { type Progress } from "./io/progress.js";
import { SlyconvError } from "./errors.js";
import { type FormatId, type FormatName, type NoOptions, type ReadOptionsOf, type WriteOptionsOf } from "./format-options.js";
import type { ImageMode } from "./supervisely/layout.js";
import { type ExtractLimits } from "./io/archive-extract.js";
import { type ArchiveFormat } from "./io/archive-create.js";
import { type ShardSpec } from "./shard.js";
export interface RunOptions {
    report?: Report;
    progress?: Progress;
    signal?: AbortSignal;
}
export interface DetectionCandidate {
    format: FormatName;
    confidence: number;
    evidence: string[];
}
export interface Detection {
    format: FormatName;
    confidence: number;
    evidence: string[];
    candidates: DetectionCandidate[];
}
/** detectFormat's refusal (no format, or several about as likely), with every candidate it weighed (`detect --json`). */
export declare class DetectionError extends SlyconvError {
    readonly details: {
        candidates: DetectionCandidate[];
    };
    constructor(code: "format-unknown" | "format-ambiguous", message: string, input: string, candidates: DetectionCandidate[]);
}
/** Asks every adapter how sure it is; the best wins unless another strong candidate is about as sure. */
export declare function detectFormat(input: string): Promise<Detection>;
export declare function readableFormats(): string[];
export declare function writableFormats(): string[];
/**
 * Reads any supported input into the project model (detecting the format when none is given). A .zip, .tar or
 * .tar.gz file is extracted into a scratch folder first (docs/archives.md); items may stream from there, so call
 * `dispose()` once the project has been written (it does nothing for other inputs).
 */
export declare function readDataset<F extends FormatId = FormatId>(input: string, opts?: ReadOptions<F>): Promise<ReadResult>;
export interface ReadOptions<F extends FormatId = FormatId> extends RunOptions {
    /** The input's format (a name or an alias); detected when absent. */
    format?: F;
    /** The reader's options (docs/library.md); a key the reader does not know is refused. */
    formatOptions?: ReadOptionsOf<F>;
    archiveLimits?: ExtractLimits;
}
export interface ReadResult {
    project: Project;
    format: FormatName;
    fromArchive: boolean;
    dispose(): Promise<void>;
}
/** Reads a Supervisely project folder. */
export declare function readProject(dir: string, opts?: RunOptions): Promise<Project>;
/** `--shard I/N` (docs/scale-out.md): only the shard's items are written, with a shard manifest beside them. */
export interface ShardOptions {
    shard?: ShardSpec;
    /** The same on every shard of one run; derived from the input, formats and options when absent. */
    runId?: string;
}
export interface WriteOptions extends RunOptions, ShardOptions {
    force?: boolean;
    images?: ImageMode;
    /** Paths the output may not be, hold or lie inside (import, export and convert pass what they read). */
    inputs?: readonly string[];
}
/** What a format without a `writesTags` declaration writes: no tag. */
export declare function noTagsWritten(title: string): TagsWritten;
/**
 * The same project whose items, as they stream into a writer, are counted in the report (items, labels per class)
 * for the summary that `--json` prints; with `tags`, every image and object tag the writer does not write is counted
 * as lost (`tag <name>`, per class; `(image)` for image tags).
 */
export declare function tallyProject(project: Project, report: Report, tags?: TagsWritten): Project;
/** Writes a project as a Supervisely project folder, atomically. */
export declare function writeProject(project: Project, out: string, opts?: WriteOptions): Promise<{
    items: number;
}>;
export interface ImportOptions<F extends FormatId = FormatId> extends WriteOptions {
    /** The input's format (a name or an alias); detected when absent. */
    format?: F;
    /** The reader's options (docs/library.md); a key the reader does not know is refused. */
    formatOptions?: ReadOptionsOf<F>;
    archiveLimits?: ExtractLimits;
}
/** `slyconv import`: any supported input → a Supervisely project folder. */
export declare function importDataset<F extends FormatId = FormatId>(input: string, out: string, opts?: ImportOptions<F>): Promise<{
    format: FormatName;
    items: number;
    report: Report;
}>;
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
/** Writes a project (already in memory) in another format, atomically; returns the path written. */
export declare function writeDataset<F extends FormatId = FormatId>(project: Project, out: string, opts: ExportOptions<F>): Promise<{
    output: string;
}>;
/** `slyconv export`: a Supervisely project folder → another format. */
export declare function exportProject<F extends FormatId = FormatId>(projectDir: string, out: string, opts: ExportOptions<F>): Promise<{
    report: Report;
    output: string;
}>;
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
export declare function convertDataset<F extends FormatId = FormatId, T extends FormatId = FormatId>(input: string, out: string, opts: ConvertOptions<F, T>): Promise<{
    from: FormatName;
    report: Report;
    output: string;
}>;
export {};
