/**
 * Maps `fn` over a (possibly async) sequence with at most `limit` calls in flight, yielding results in input
 * order. Memory stays bounded by `limit` however long the sequence is.
 */
export async function* mapConcurrent(source, limit, fn) {
    const pending = [];
    let index = 0;
    try {
        for await (const value of source) {
            const p = fn(value, index++);
            p.catch(() => { }); // handled when awaited below, in order
            pending.push(p);
            if (pending.length >= limit)
                yield await pending.shift();
        }
        while (pending.length)
            yield await pending.shift();
    }
    finally {
        // On an error or an early exit, let the calls in flight finish first, so that nobody cleans up a folder
        // while they are still writing into it.
        await Promise.allSettled(pending);
    }
}
/** Runs `fn` over an array with bounded concurrency; results in input order. */
export async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
//# sourceMappingURL=concurrency.js.map