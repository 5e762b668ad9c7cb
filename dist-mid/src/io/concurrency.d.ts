/**
 * Maps `fn` over a (possibly async) sequence with at most `limit` calls in flight, yielding results in input
 * order. Memory stays bounded by `limit` however long the sequence is.
 */
export declare function mapConcurrent<T, R>(source: Iterable<T> | AsyncIterable<T>, limit: number, fn: (value: T, index: number) => Promise<R>): AsyncIterable<R>;
/** Runs `fn` over an array with bounded concurrency; results in input order. */
export declare function mapLimit<T, R>(items: readonly T[], limit: number, fn: (v: T, i: number) => Promise<R>): Promise<R[]>;
