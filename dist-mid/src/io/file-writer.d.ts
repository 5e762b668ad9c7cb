import { HelperThread } from "../workers/thread.js";
export type FileJob = {
    kind: "data";
    path: string;
    data: string | Uint8Array;
}
/** `count` coordinates of the batch's `coords`, following those of the batch's packed jobs before it. */
 | {
    kind: "packed";
    path: string;
    skeleton: string;
    count: number;
    python?: boolean;
};
/**
 * One message to the thread: its jobs, and the coordinates of all its packed jobs in one buffer (transferred: one
 * buffer a message, not one a file).
 */
export interface FileBatch {
    jobs: FileJob[];
    coords: Float64Array | null;
}
/** Per job: null when written, else what the error said (code as fs gives it, e.g. EEXIST). */
export type FileJobResult = null | {
    code?: string;
    message: string;
};
/**
 * The thread that creates files. Most of the cost of a file is the kernel's (page cache, file system), paid by the
 * thread that calls write, so file creation runs beside the main thread's converting. One thread: two creating files
 * in the same folder contend for it in the kernel, for no gain and more CPU time.
 */
export declare class FileWriterThread extends HelperThread<FileBatch, FileJobResult[]> {
    private queue;
    /** Bytes of the jobs in `queue`, about. */
    private queuedBytes;
    private readonly lists;
    /** The coordinates of the packed jobs in `queue`: the first `coordsUsed` of `coords` (kept between batches). */
    private coords;
    private coordsUsed;
    /** The callers of the jobs in `queue`. */
    private waiting;
    private scheduled;
    /** Unregisters the interrupt hook that stops the thread (so Ctrl-C cannot race its writes with the cleanup). */
    private readonly forgetInterrupt;
    private constructor();
    /** A started thread, or null where files are better written on the main thread (see the module comment). */
    static start(): FileWriterThread | null;
    /**
     * Starts a thread for the next start() to take, so that its start-up (tens of ms: a new V8 instance and its
     * modules) overlaps work the main thread does first, such as an import's first pass. It does not keep the process
     * alive; discardPrestarted() stops it when it was not taken.
     */
    static prestart(): void;
    static discardPrestarted(): Promise<void>;
    /**
     * Creates `file` (which must not exist) with `data`. With `soon` false the file waits for a full batch (or close):
     * for a caller that does not wait for each file, fewer messages (each one wakes both threads).
     */
    write(file: string, data: string | Uint8Array, soon?: boolean): Promise<void>;
    /**
     * Creates `file` (which must not exist) with JSON.stringify(value, null, 4), serialized in the writer thread, where
     * `build(pointList)` makes the value and puts `pointList(list)` in place of each of its [[x, y], …] lists (see
     * PointLists). When the value cannot be packed, it is made again with `build(null)` and serialized here.
     */
    writeJson(file: string, build: (pointList: (<T>(points: T[]) => unknown) | null) => unknown, opts?: {
        python?: boolean;
    }): Promise<void>;
    private enqueue;
    private flush;
    /** Waits for the files asked for (their promises settle first), then stops the thread. */
    close(): Promise<void>;
}
/**
 * Creates small files on the calling thread with synchronous calls, timing the first ones, for a writer that takes a
 * FileWriterThread only where file creation is slow. On a fast file system (tmpfs, a disk's page cache) a small file
 * costs a few microseconds, and the thread would cost more than it saves: its start (tens of ms of CPU), a message
 * per batch, and a wake-up of each thread per message, which on a busy machine costs the converting thread its core.
 * The first BLOCKS blocks of BLOCK files are timed; when even the fastest block took more than SLOW_FILE_MS a file (a
 * slow disk, not a moment the process was not running), `create` says so.
 */
export declare class FileCreationProbe {
    static readonly BLOCK = 32;
    static readonly BLOCKS = 8;
    static readonly SLOW_FILE_MS = 0.05;
    private created;
    /** The time the current block took so far, and the fastest block's (ms). */
    private blockMs;
    private fastestBlock;
    /** Creates `file` (which must not exist); true once the probe is over and found file creation slow. */
    create(file: string, data: string | Uint8Array): boolean;
}
