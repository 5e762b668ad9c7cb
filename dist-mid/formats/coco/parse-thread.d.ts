import { type ParsedBlock } from "./kept-polygon.js";
import type { ElementReader } from "./json-scan.js";
export interface ParseRequest {
    file: string;
    withHash: boolean;
    /** Keep the usual polygon annotation's extremes alone (see VertexStore.addBounds). */
    boundsOnly: boolean;
    /** The block's rows: byte offset and length of each annotation. */
    offsets: Float64Array;
    lengths: Uint32Array;
    /** Who parses the block: 0 not decided yet, CLAIMED_BY_THREAD or CLAIMED_BY_READER (set with compareExchange). */
    claim: Int32Array;
}
export declare const CLAIMED_BY_THREAD = 1;
export declare const CLAIMED_BY_READER = 2;
export type ParseReply = {
    block: ParsedBlock;
} | {
    skipped: true;
} | {
    error: string;
};
/** A block of annotation rows (from .. to-1). */
export interface RowBlock {
    from: number;
    to: number;
    /** Set when the block was sent to the thread (which answers every block sent, in order). */
    claim: Int32Array | null;
    /** The block as the reader parsed it itself (claimed back from the thread). */
    parsed: ParsedBlock | null;
}
/** Cuts a scan's annotation rows into blocks, hands them to a thread, and gives back the parsed blocks in order. */
export declare class ThreadedRows {
    private readonly file;
    private readonly withHash;
    private readonly boundsOnly;
    private readonly offsetOf;
    private readonly lengthOf;
    private readonly threshold;
    private readonly blockRows;
    readonly blocks: RowBlock[];
    private thread;
    private started;
    private first;
    private last;
    /** Rows kept per image over the blocks the reader claims back. */
    private readonly budget;
    /** The thread starts when the scan has found `threshold` rows (Infinity: never). */
    constructor(file: string, withHash: boolean, boundsOnly: boolean, offsetOf: (row: number) => number, lengthOf: (row: number) => number, threshold: number, blockRows: number);
    /** The scan found row `row` (rows come in order, one after another). */
    add(row: number): void;
    /** The scan is over: the last rows make a block. */
    finish(): void;
    private blockStart;
    private cut;
    /**
     * Once the scan is over: parses blocks here, from the last one back, until one the thread has claimed (it takes
     * them in order, so it has every block before that one too).
     */
    claimFromEnd(reader: ElementReader, signal?: AbortSignal): Promise<void>;
    /**
     * The parsed form of block `b` (asked for in order): the reader's own, or the thread's answer; null when neither
     * has one (the reader then parses the rows itself).
     */
    parsedBlock(b: RowBlock): Promise<ParsedBlock | null>;
    stop(): Promise<void>;
}
