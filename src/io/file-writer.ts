/**
 * Creating many small files from a thread of its own, so that the main thread keeps converting meanwhile.
 *
 * Writing a Supervisely project is mostly creating one annotation file per item and serializing it with 4-space
 * indentation. Done on the main thread, each file costs an open, a write and a close through libuv's pool (three
 * round trips, and pool threads contending for the one folder), and its serialization. Here the main thread only
 * packs the JSON (point lists into one Float64Array, the rest by JSON.stringify: see PointLists) and posts it; the
 * thread serializes it (same bytes as JSON.stringify(value, null, 4)) and creates the file with synchronous calls,
 * batch by batch.
 *
 * `FileWriterThread.start()` gives null where there is no second thread to use (one core, SLYCONV_NO_WORKERS set,
 * or the worker script not built): callers then write on the main thread as before.
 */
import { writeFileSync } from "node:fs";
import type { Worker } from "node:worker_threads";
import { startHelperThread } from "../workers/script.js";
import { HelperThread } from "../workers/thread.js";
import { canonicalJsonBytes, grownCoords, PointLists } from "./canonical-json.js";
import { pythonJsonBytes } from "./python-json.js";
import { onInterrupt } from "./cleanup.js";

export type FileJob =
  | { kind: "data"; path: string; data: string | Uint8Array }
  /**
   * `count` coordinates of the batch's `coords`, following those of the batch's packed jobs before it; `masks`: the
   * width, height and byte length of each of its masks, whose bytes follow those before them in the batch's
   * `maskBytes`.
   */
  | { kind: "packed"; path: string; skeleton: string; count: number; masks: number[] | null; python?: boolean };

/**
 * One message to the thread: its jobs, and the coordinates (and mask bytes) of all its packed jobs in one buffer
 * each (transferred: one buffer a message, not one a file).
 */
export interface FileBatch { jobs: FileJob[]; coords: Float64Array | null; maskBytes: Uint8Array | null }

/** Per job: null when written, else what the error said (code as fs gives it, e.g. EEXIST). */
export type FileJobResult = null | { code?: string; message: string };

/** A thread started ahead of need (see FileWriterThread.prestart). */
let prestarted: Worker | null = null;

/**
 * Jobs per message: enough to keep message overhead low, few enough to keep the thread busy early. Small files
 * (a YOLO label file is a few hundred bytes) go more to a message: each message costs both threads a wake-up.
 */
const BATCH = 8;
const BATCH_BYTES = 16 * 1024;
const MAX_BATCH = 128;

interface Waiting { resolve: () => void; reject: (e: Error) => void }

/**
 * The thread that creates files. Most of the cost of a file is the kernel's (page cache, file system), paid by the
 * thread that calls write, so file creation runs beside the main thread's converting. One thread: two creating files
 * in the same folder contend for it in the kernel, for no gain and more CPU time.
 */
export class FileWriterThread extends HelperThread<FileBatch, FileJobResult[]> {
  private queue: FileJob[] = [];
  /** Bytes of the jobs in `queue`, about. */
  private queuedBytes = 0;
  private readonly lists = new PointLists();
  /** The coordinates of the packed jobs in `queue`: the first `coordsUsed` of `coords` (kept between batches). */
  private coords = new Float64Array(1 << 14);
  private coordsUsed = 0;
  /** The bytes of the masks of the packed jobs in `queue`: the first `maskBytesUsed` of `maskBytes`. */
  private maskBytes = new Uint8Array(0);
  private maskBytesUsed = 0;
  /** The callers of the jobs in `queue`. */
  private waiting: Waiting[] = [];
  private scheduled = false;
  /** Unregisters the interrupt hook that stops the thread (so Ctrl-C cannot race its writes with the cleanup). */
  private readonly forgetInterrupt: () => void;

  private constructor(worker: Worker) {
    super(worker, "file writer");
    this.forgetInterrupt = onInterrupt(() => void worker.terminate());
  }

  /** A started thread, or null where files are better written on the main thread (see the module comment). */
  static start(): FileWriterThread | null {
    const worker = prestarted ?? startHelperThread(import.meta.url, "file-writer-worker.js");
    prestarted = null;
    return worker && new FileWriterThread(worker);
  }

  /**
   * Starts a thread for the next start() to take, so that its start-up (tens of ms: a new V8 instance and its
   * modules) overlaps work the main thread does first, such as an import's first pass. It does not keep the process
   * alive; discardPrestarted() stops it when it was not taken.
   */
  static prestart(): void {
    prestarted ??= startHelperThread(import.meta.url, "file-writer-worker.js");
    prestarted?.unref();
  }

  static async discardPrestarted(): Promise<void> {
    const worker = prestarted;
    prestarted = null;
    await worker?.terminate();
  }

  /**
   * Creates `file` (which must not exist) with `data`. With `soon` false the file waits for a full batch (or close):
   * for a caller that does not wait for each file, fewer messages (each one wakes both threads).
   */
  write(file: string, data: string | Uint8Array, soon = true): Promise<void> {
    return this.enqueue({ kind: "data", path: file, data }, soon);
  }

  /**
   * Creates `file` (which must not exist) with JSON.stringify(value, null, 4), serialized in the writer thread, where
   * `build(pointList)` makes the value and puts `pointList(list)` in place of each of its [[x, y], …] lists (see
   * PointLists). When the value cannot be packed, it is made again with `build(null)` and serialized here.
   */
  writeJson(file: string, build: (pointList: (<T>(points: T[]) => unknown) | null) => unknown, opts: { python?: boolean } = {}): Promise<void> {
    const packed = this.lists.finish(build(this.lists.write));
    if (!packed) {
      const bytes = canonicalJsonBytes(build(null));
      return this.write(file, opts.python ? pythonJsonBytes(bytes) : bytes);
    }
    if (this.failed) return Promise.reject(this.failed);
    const n = packed.coords.length;
    this.coords = grownCoords(this.coords, this.coordsUsed, n);
    this.coords.set(packed.coords, this.coordsUsed);
    this.coordsUsed += n;
    let masks: number[] | null = null, jobMaskBytes = 0;
    for (const m of packed.masks) {
      const bytes = m.data.length;
      if (this.maskBytesUsed + bytes > this.maskBytes.length) {
        const grown = new Uint8Array(Math.max(2 * this.maskBytes.length, this.maskBytesUsed + bytes, 1 << 16));
        grown.set(this.maskBytes.subarray(0, this.maskBytesUsed));
        this.maskBytes = grown;
      }
      this.maskBytes.set(m.data, this.maskBytesUsed);
      this.maskBytesUsed += bytes;
      jobMaskBytes += bytes;
      (masks ??= []).push(m.width, m.height, bytes);
    }
    return this.enqueue({ kind: "packed", path: file, skeleton: packed.skeleton, count: n, masks, python: opts.python }, true, jobMaskBytes);
  }

  private enqueue(job: FileJob, soon = true, maskBytes = 0): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<void>((resolve, reject) => {
      this.queue.push(job);
      this.queuedBytes += job.kind === "data" ? job.data.length : job.skeleton.length + 8 * job.count + maskBytes;
      this.waiting.push({ resolve, reject });
      if ((this.queue.length >= BATCH && this.queuedBytes >= BATCH_BYTES) || this.queue.length >= MAX_BATCH) this.flush();
      else if (soon && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    const batch = this.waiting, jobs = this.queue;
    const coords = this.coordsUsed ? this.coords.slice(0, this.coordsUsed) : null;
    const maskBytes = this.maskBytesUsed ? this.maskBytes.slice(0, this.maskBytesUsed) : null;
    this.queue = [];
    this.queuedBytes = 0;
    this.coordsUsed = 0;
    this.maskBytesUsed = 0;
    this.waiting = [];
    if (!jobs.length) return;
    const transfer: ArrayBuffer[] = [];
    if (coords) transfer.push(coords.buffer);
    if (maskBytes) transfer.push(maskBytes.buffer);
    this.request({ jobs, coords, maskBytes }, transfer).then(
      (results) => results.forEach((r, i) => {
        if (r === null) batch[i]?.resolve();
        else batch[i]?.reject(Object.assign(new Error(r.message), { code: r.code }));
      }),
      (e: Error) => {
        for (const w of batch) w.reject(e);
      },
    );
  }

  /** Waits for the files asked for (their promises settle first), then stops the thread. */
  async close(): Promise<void> {
    this.flush();
    await this.drain();
    this.forgetInterrupt();
    await this.stop();
  }
}

/**
 * Creates small files on the calling thread with synchronous calls, for a writer that takes a FileWriterThread only
 * when that pays. On a fast file system (tmpfs, a disk's page cache) a small file costs a few microseconds, and for a
 * few thousand files the thread costs more than it saves: its start (tens of ms of CPU), a message per batch, and a
 * wake-up of each thread per message, which on a busy machine costs the converting thread its core. Files are
 * created here until they have cost as much as the thread's start (THREAD_START_MS, the rent-or-buy rule: never
 * more than twice the better of the two choices); `create` then says to take the thread. A slow file system gets
 * there within a few hundred files, a large export on a fast one within a few thousand.
 *
 * A file's cost is taken as the fastest of its block of BLOCK files: on a busy machine the thread loses its core now
 * and then in the middle of a call, and that time is no cost of the file system's.
 */
export class FileCreationProbe {
  static readonly THREAD_START_MS = 50;
  static readonly BLOCK = 32;
  /** Cost of the files of the finished blocks so far (ms). */
  private spentMs = 0;
  private inBlock = 0;
  private fastestInBlock = Infinity;
  private asked = false;
  /** Where text is put as UTF-8 before it is written (kept between files: no buffer made per file). */
  private scratch = Buffer.allocUnsafe(64 * 1024);

  /** Creates `file` (which must not exist); true once (at the end of the block that reached THREAD_START_MS): take the thread. */
  create(file: string, data: string | Uint8Array): boolean {
    if (typeof data === "string") {
      if (3 * data.length > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.max(3 * data.length, 2 * this.scratch.length));
      data = this.scratch.subarray(0, this.scratch.write(data, 0, "utf8"));
    }
    const started = performance.now();
    writeFileSync(file, data, { flag: "wx" });
    const ms = performance.now() - started;
    if (this.scratch.length > 1 << 24) this.scratch = Buffer.allocUnsafe(64 * 1024);
    if (ms < this.fastestInBlock) this.fastestInBlock = ms;
    if (++this.inBlock < FileCreationProbe.BLOCK) return false;
    this.spentMs += this.inBlock * this.fastestInBlock;
    this.inBlock = 0;
    this.fastestInBlock = Infinity;
    if (this.asked || this.spentMs <= FileCreationProbe.THREAD_START_MS) return false;
    this.asked = true;
    return true;
  }
}
