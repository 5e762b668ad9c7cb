import type { Transferable, Worker } from "node:worker_threads";
/**
 * The part every helper thread shares (the CPU pool's workers, the file writer, the Supervisely reading thread, the
 * COCO parse thread): requests go out in order and the thread's script answers each with exactly one message, in the
 * order they came, so the n-th answer settles the n-th request. The thread is ref'd only while a request is in
 * flight: an idle thread never keeps the process alive. When the thread fails (an uncaught error, or it stops),
 * every request in flight and every later one is rejected with that error.
 */
export declare class HelperThread<Request, Reply> {
    protected readonly worker: Worker;
    private readonly name;
    private readonly inFlight;
    private drained;
    private failure;
    constructor(worker: Worker, name: string);
    /** Why the thread can no longer be used, or null while it can. */
    get failed(): Error | null;
    /** Requests sent and not yet answered. */
    get pending(): number;
    /** Sends `request` (the buffers in `transfer` are moved, not copied); settles with the thread's answer to it. */
    request(request: Request, transfer?: readonly Transferable[]): Promise<Reply>;
    /** Resolves once no request is in flight (at once when none is). */
    drain(): Promise<void>;
    /** Stops the thread; requests in flight are rejected. */
    stop(): Promise<void>;
    private idle;
    private fail;
}
