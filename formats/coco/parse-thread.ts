/**
 * The COCO reader's first pass on two cores. Parsing the annotations is most of an import's first pass, and it
 * cannot start on the reader's thread before the scan of the file is over (COCO's own files list the categories
 * last). A thread can: as the scan finds the annotations, their rows go to it in blocks, and it parses them while
 * the scan goes on, packing the usual polygon annotations (kept-polygon.ts). Once the scan is over the reader parses
 * blocks too, from the last one back, until it meets the thread; each block is claimed by one side only (an atomic
 * compare-and-swap). The reader then adds the blocks in file order, parsing itself the rows the packing left out, so
 * tables, warnings and classes come out exactly as from one thread.
 *
 * Without a thread (one core, SLYCONV_NO_WORKERS, the worker script not built, or a failure) the reader parses every
 * row itself.
 */
import { startHelperThread } from "../../src/workers/script.js";
import { HelperThread } from "../../src/workers/thread.js";
import { ImageBudget, parseBlock, type ParsedBlock } from "./kept-polygon.js";
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

export const CLAIMED_BY_THREAD = 1;
export const CLAIMED_BY_READER = 2;

export type ParseReply = { block: ParsedBlock } | { skipped: true } | { error: string };

class ParseThread extends HelperThread<ParseRequest, ParseReply> {
  /** The answers to the blocks sent, in order (null once the thread has failed). */
  private readonly replies: Promise<ParseReply | null>[] = [];

  send(request: ParseRequest): void {
    const reply = this.request(request, [request.offsets.buffer as ArrayBuffer, request.lengths.buffer as ArrayBuffer]);
    this.replies.push(reply.catch(() => null));
  }

  /** The answer for the next block sent, in order; null once the thread has failed. */
  next(): Promise<ParseReply | null> {
    return this.replies.shift() ?? Promise.resolve(null);
  }
}

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
export class ThreadedRows {
  readonly blocks: RowBlock[] = [];
  private thread: ParseThread | null = null;
  private started = false;
  private first = -1;
  private last = -1;
  /** Rows kept per image over the blocks the reader claims back. */
  private readonly budget = new ImageBudget();

  /** The thread starts when the scan has found `threshold` rows (Infinity: never). */
  constructor(
    private readonly file: string, private readonly withHash: boolean, private readonly boundsOnly: boolean,
    private readonly offsetOf: (row: number) => number, private readonly lengthOf: (row: number) => number,
    private readonly threshold: number, private readonly blockRows: number,
  ) {}

  /** Whether a thread may parse some of the rows (else the reader parses them all, in order). */
  get mayThread(): boolean {
    return this.threshold !== Infinity;
  }

  /** The scan found row `row` (rows come in order, one after another). */
  add(row: number): void {
    if (this.first < 0) this.first = row;
    this.last = row + 1;
    if (!this.started && this.last - this.first >= this.threshold) {
      this.started = true;
      this.thread = startThread();
    }
    if (this.last - this.blockStart() === this.blockRows) this.cut();
  }

  /** The scan is over: the last rows make a block. */
  finish(): void {
    if (this.first >= 0 && this.last > this.blockStart()) this.cut();
  }

  private blockStart(): number {
    return this.blocks.length ? this.blocks[this.blocks.length - 1].to : this.first;
  }

  private cut(): void {
    const b: RowBlock = { from: this.blockStart(), to: this.last, claim: null, parsed: null };
    this.blocks.push(b);
    if (!this.thread) return;
    const n = b.to - b.from;
    const offsets = new Float64Array(n), lengths = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      offsets[k] = this.offsetOf(b.from + k);
      lengths[k] = this.lengthOf(b.from + k);
    }
    b.claim = new Int32Array(new SharedArrayBuffer(4));
    this.thread.send({ file: this.file, withHash: this.withHash, boundsOnly: this.boundsOnly, offsets, lengths, claim: b.claim });
  }

  /**
   * Once the scan is over: parses blocks here, from the last one back, until one the thread has claimed (it takes
   * them in order, so it has every block before that one too).
   */
  async claimFromEnd(reader: ElementReader, signal?: AbortSignal): Promise<void> {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const b = this.blocks[i];
      if (!b.claim) continue; // parsed in order by the reader anyway
      if (Atomics.compareExchange(b.claim, 0, 0, CLAIMED_BY_READER) !== 0) return;
      signal?.throwIfAborted();
      b.parsed = await parseBlock(reader, b.to - b.from, (k) => this.offsetOf(b.from + k), (k) => this.lengthOf(b.from + k), this.withHash, this.budget, this.boundsOnly);
    }
  }

  /**
   * The parsed form of block `b` (asked for in order): the reader's own, or the thread's answer; null when neither
   * has one (the reader then parses the rows itself).
   */
  async parsedBlock(b: RowBlock): Promise<ParsedBlock | null> {
    if (!b.claim) return null;
    // The thread answers every block it was sent, those the reader claimed with `skipped`.
    const reply = this.thread ? await this.thread.next() : null;
    if (b.parsed) return b.parsed;
    return reply && "block" in reply ? reply.block : null;
  }

  async stop(): Promise<void> {
    await this.thread?.stop();
    this.thread = null;
  }
}

function startThread(): ParseThread | null {
  const worker = startHelperThread(import.meta.url, "parse-worker.js");
  return worker && new ParseThread(worker, "COCO parse");
}
