import type { Location } from "./errors.js";
export type Severity = "error" | "warning" | "info";
/** One problem found in the data, the same in human and --json output. */
export interface Finding extends Location {
    severity: Severity;
    code: string;
    message: string;
}
/** A label (or other content) the target format cannot hold, counted per class and geometry. */
export interface LossEntry {
    className: string;
    what: string;
    reason: string;
    count: number;
}
/** A label (or other content) the target format holds only after changing it (merged, renamed, rounded), counted. */
export interface ChangeEntry {
    className: string;
    what: string;
    /** What was done to it, as a sentence. */
    how: string;
    count: number;
}
/** Loss and change entries `--json` lists at most (the printed summary shows fewer); the rest are counted. */
export declare const MAX_LISTED_ENTRIES = 1000;
/**
 * Collects findings and losses of one conversion. Stores at most `keepPerCode` findings of each code (counts stay
 * exact), so a million identical warnings cost a counter, not a million objects.
 */
export declare class Report {
    private readonly keepPerCode;
    readonly findings: Finding[];
    readonly countsByCode: Map<string, {
        severity: Severity;
        count: number;
    }>;
    private readonly losses;
    private readonly changes;
    readonly stats: Record<string, number>;
    /** Labels per class title that went through a conversion. */
    readonly labelsPerClass: Record<string, number>;
    constructor(keepPerCode?: number);
    add(finding: Finding): void;
    error(code: string, message: string, where?: Location): void;
    warn(code: string, message: string, where?: Location): void;
    info(code: string, message: string, where?: Location): void;
    /** Counts something a target format cannot hold (never dropped silently). */
    lose(className: string, what: string, reason: string, count?: number): void;
    get lossEntries(): LossEntry[];
    /** Counts something the target format holds only in a changed form (never changed silently). */
    change(className: string, what: string, how: string, count?: number): void;
    get changeEntries(): ChangeEntry[];
    /** Adds to a statistic; the names are camelCase (`itemsRead`, `cocoImages`), as every key of `--json` is. */
    count(stat: string, n?: number): void;
    total(severity: Severity): number;
    get errorCount(): number;
    get warningCount(): number;
    countOf(code: string): number;
    codes(severity?: Severity): string[];
    toJSON(): {
        errors: number;
        warnings: number;
        byCode: {
            [k: string]: {
                severity: Severity;
                count: number;
            };
        };
        findings: Finding[];
        lossy: LossEntry[];
        changed: ChangeEntry[];
        lossyNotListed?: number | undefined;
        changedNotListed?: number | undefined;
        stats: Record<string, number>;
        labelsPerClass: Record<string, number>;
    };
}
