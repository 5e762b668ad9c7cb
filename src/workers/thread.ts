import type { Transferable, Worker } from "node:worker_threads";

interface Waiting<Reply> { resolve: (r: Reply) => void; reject: (e: Error) => void }

/**
 * The part every helper thread shares (the CPU pool's workers, the file writer, the Supervisely reading thread, the
 * COCO parse thread): requests go out in order and the thread's script answers each with exactly one message, in the
 * order they came, so the n-th answer settles the n-th request. The thread is ref'd only while a request is in
 * flight: an idle thread never keeps the process alive. When the thread fails (an uncaught error, or it stops),
 * every request in flight and every later one is rejected with that error.
 */
export class HelperThread<Request, Reply> {
  private readonly inFlight: Waiting<Reply>[] = [];
  private drained: (() => void)[] = [];
  private failure: Error | null = null;

  constructor(protected readonly worker: Worker, private readonly name: string) {
    worker.on("message", (reply: Reply) => {
      const w = this.inFlight.shift();
      if (this.inFlight.length === 0) this.idle();
      w?.resolve(reply);
    });
    worker.on("error", (e: Error) => this.fail(e));
    worker.on("exit", () => this.fail(new Error(`the ${this.name} thread stopped`)));
    // After the listeners: adding a "message" listener refs the worker again.
    worker.unref();
  }

  /** Why the thread can no longer be used, or null while it can. */
  get failed(): Error | null {
    return this.failure;
  }

  /** Requests sent and not yet answered. */
  get pending(): number {
    return this.inFlight.length;
  }

  /** Sends `request` (the buffers in `transfer` are moved, not copied); settles with the thread's answer to it. */
  request(request: Request, transfer: readonly Transferable[] = []): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Reply>((resolve, reject) => {
      if (this.inFlight.length === 0) this.worker.ref();
      this.inFlight.push({ resolve, reject });
      this.worker.postMessage(request, transfer);
    });
  }

  /** Resolves once no request is in flight (at once when none is). */
  drain(): Promise<void> {
    if (this.inFlight.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /** Stops the thread; requests in flight are rejected. */
  async stop(): Promise<void> {
    this.failure ??= new Error(`the ${this.name} thread is closed`);
    await this.worker.terminate();
  }

  private idle(): void {
    this.worker.unref();
    for (const d of this.drained.splice(0)) d();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    const waiting = this.inFlight.splice(0);
    this.idle();
    for (const w of waiting) w.reject(this.failure);
  }
}
