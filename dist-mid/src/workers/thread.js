/**
 * The part every helper thread shares (the CPU pool's workers, the file writer, the Supervisely reading thread, the
 * COCO parse thread): requests go out in order and the thread's script answers each with exactly one message, in the
 * order they came, so the n-th answer settles the n-th request. The thread is ref'd only while a request is in
 * flight: an idle thread never keeps the process alive. When the thread fails (an uncaught error, or it stops),
 * every request in flight and every later one is rejected with that error.
 */
export class HelperThread {
    worker;
    name;
    inFlight = [];
    drained = [];
    failure = null;
    constructor(worker, name) {
        this.worker = worker;
        this.name = name;
        worker.on("message", (reply) => {
            const w = this.inFlight.shift();
            if (this.inFlight.length === 0)
                this.idle();
            w?.resolve(reply);
        });
        worker.on("error", (e) => this.fail(e));
        worker.on("exit", () => this.fail(new Error(`the ${this.name} thread stopped`)));
        // After the listeners: adding a "message" listener refs the worker again.
        worker.unref();
    }
    /** Why the thread can no longer be used, or null while it can. */
    get failed() {
        return this.failure;
    }
    /** Requests sent and not yet answered. */
    get pending() {
        return this.inFlight.length;
    }
    /** Sends `request` (the buffers in `transfer` are moved, not copied); settles with the thread's answer to it. */
    request(request, transfer = []) {
        if (this.failure)
            return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            if (this.inFlight.length === 0)
                this.worker.ref();
            this.inFlight.push({ resolve, reject });
            this.worker.postMessage(request, transfer);
        });
    }
    /** Resolves once no request is in flight (at once when none is). */
    drain() {
        if (this.inFlight.length === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.drained.push(resolve));
    }
    /** Stops the thread; requests in flight are rejected. */
    async stop() {
        this.failure ??= new Error(`the ${this.name} thread is closed`);
        await this.worker.terminate();
    }
    idle() {
        this.worker.unref();
        for (const d of this.drained.splice(0))
            d();
    }
    fail(e) {
        this.failure ??= e;
        const waiting = this.inFlight.splice(0);
        this.idle();
        for (const w of waiting)
            w.reject(this.failure);
    }
}
//# sourceMappingURL=thread.js.map