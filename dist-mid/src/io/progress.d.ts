/** Progress of one long step. Adapters call it; only a TTY shows anything. */
export interface Progress {
    /** `unit` names what is counted ("items" unless told), shown after the count and the rate. */
    start(label: string, total?: number, unit?: string): void;
    increment(n?: number): void;
    stop(): void;
}
export declare const silentProgress: Progress;
/** cli-progress's format of a bar: done/total with the unit, rate and ETA when the total is known, else count and rate. */
export declare function barFormat(label: string, total: number | undefined, unit?: string): string;
/** A bar on stderr when it is a terminal and not in CI, silent otherwise. */
export declare function createProgress(opts?: {
    quiet?: boolean;
}): Progress;
/**
 * The same progress, with `total` given to the first bar started without one: a writer learns how many items are
 * coming only from the reader (`Dataset.itemCount`), which the API passes on this way.
 */
export declare function withKnownTotal(progress: Progress, total: number | undefined): Progress;
