/**
 * Deterministic shards (docs/scale-out.md): a run with `--shard I/N` handles only the items whose key falls in shard
 * I, so that N jobs on any runner split a dataset without talking to each other, and `slyconv merge` joins them.
 */
import { type Hash } from "node:crypto";
import type { Item, Project } from "./model/index.js";
/** The small file each shard output holds at its top: which run and which shard it is. Readers ignore it. */
export declare const SHARD_MANIFEST_FILE = ".slyconv-shard.json";
/** The folder beside it with a writer's per-item merge data (sidecar files, one JSON value a line). */
export declare const SHARD_SIDECAR_DIR = ".slyconv-shard";
export declare const SHARD_ENV = "SLYCONV_SHARD";
export declare const SHARD_COUNT_ENV = "SLYCONV_SHARD_COUNT";
/** Set by Kubernetes in each pod of an Indexed Job. */
export declare const JOB_INDEX_ENV = "JOB_COMPLETION_INDEX";
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
    listing?: {
        items: number;
        sha256: string;
    };
    /** The writer's merge data (small; per-item data is in the sidecar files). */
    state?: Record<string, unknown>;
}
/** Where an item stands in the whole run: dataset index (depth-first) × 2^32 + its index in the dataset's listing. */
export declare const SHARD_POSITION: unique symbol;
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
export declare function positionOf(item: Item): number;
/** Text appended to a new file ("wx") through a 1 MiB buffer; `write` returns a promise only when the buffer goes out. */
export declare class BufferedTextFile {
    readonly path: string;
    private readonly fh;
    private pending;
    private size;
    private constructor();
    static create(file: string): Promise<BufferedTextFile>;
    write(text: string): Promise<void> | undefined;
    private flush;
    close(): Promise<void>;
}
/** One JSON value per line. */
export declare class SidecarWriter {
    private readonly file;
    private constructor();
    static open(file: string): Promise<SidecarWriter>;
    /** Adds a line; a promise only when the buffer is written out. */
    add(value: unknown): Promise<void> | undefined;
    close(): Promise<void>;
}
export declare function sidecarPath(shardDir: string, name: string): string;
/** The lines of a shard's sidecar, parsed, streamed; a missing sidecar is a shard that wrote none of those items. */
export declare function readSidecar(shardDir: string, name: string): AsyncIterable<unknown>;
/**
 * FNV-1a, 32 bits, over the key's UTF-8 bytes (offset basis 2166136261, prime 16777619): a published, one-line
 * function anyone can recompute in any language, the same on every machine.
 */
export declare function fnv1a32(text: string): number;
/** The key of an item: its dataset's full name (`parent/child`), a slash and the item's name (`cat.jpg`). */
export declare function shardKey(datasetPath: string, itemName: string): string;
export declare function shardOf(datasetPath: string, itemName: string, count: number): number;
/** `I/N` with 0 ≤ I < N and N ≥ 1; anything else is a usage error naming where it came from. */
export declare function parseShardSpec(text: string, source?: string): ShardSpec;
/**
 * The shard a run was asked for: `--shard I/N`, else SLYCONV_SHARD=I/N, else a Kubernetes Indexed Job's
 * JOB_COMPLETION_INDEX with N from `--shard-count` or SLYCONV_SHARD_COUNT. A count without an index (or an index
 * with a count given on the command line but nothing else) is a usage error; JOB_COMPLETION_INDEX alone, without
 * any count, is not sharding (every Indexed Job pod has it).
 */
export declare function resolveShard(flags: {
    shard?: string;
    shardCount?: string;
}, env?: NodeJS.ProcessEnv): ShardSpec | undefined;
/** A run id from what defines a run (command, input, formats, options): the same on every shard of it. */
export declare function runIdOf(parts: Record<string, unknown>): string;
export declare function runOptionsOf(options: Record<string, unknown> | undefined): Record<string, unknown>;
/** What the shard filter saw of the whole input, for the manifest. */
export interface ShardCounter {
    items: number;
    listed: number;
    hash: Hash;
}
export declare function newShardCounter(): ShardCounter;
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
export declare function shardProject(project: Project, spec: ShardSpec, counter: ShardCounter): Project;
export declare function writeShardManifest(dir: string, manifest: ShardManifest): Promise<void>;
/** The manifest of a shard output; a folder without a valid one is not a shard output (exit 2). */
export declare function readShardManifest(dir: string): Promise<ShardManifest>;
/**
 * The lines of every shard's sidecar in the single run's order: each shard's are in position order already, so this
 * takes the smallest next position among them each time (a heap: N may be large).
 */
export declare function inRunOrder<T>(sources: readonly AsyncIterable<T>[], positionOf: (value: T) => number): AsyncIterable<{
    shard: number;
    value: T;
}>;
/**
 * The names the single run gives, replayed from the names each shard chose: every shard's sidecar `name` (lines
 * `[position, …]`, checked by `isLine`) is read in the single run's order, and `decide` says for each line (and the
 * shard it is from) which of that shard's files the single run names differently (`rename(from, to)`, paths relative
 * to the shard output). Returns, per shard, those renames for copyUnion's `renamed`.
 */
export declare function replayNames<L extends readonly [number, ...unknown[]]>(shards: readonly {
    dir: string;
}[], name: string, isLine: (line: unknown) => line is L, shape: string, decide: (line: L, rename: (from: string, to: string) => void, shard: number) => void | Promise<void>): Promise<Map<string, string>[]>;
