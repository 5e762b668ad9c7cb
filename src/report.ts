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
export const MAX_LISTED_ENTRIES = 1000;

const STAT_NAME = /^[a-z][a-zA-Z0-9]*$/;

/** Loss or change entries, one per class, `what` and `detail` (the loss's reason, the change's how), in the order first counted. */
class CountedEntries<K extends "reason" | "how"> {
  private readonly all: (CountedEntry<K>)[] = [];
  // Per class, the few entries it has: no key string to build per label, as a stream of labels repeats them.
  private readonly byClass = new Map<string, CountedEntry<K>[]>();

  constructor(private readonly detailKey: K) {}

  add(className: string, what: string, detail: string, count: number): void {
    let entries = this.byClass.get(className);
    if (!entries) this.byClass.set(className, (entries = []));
    for (const e of entries) {
      if (e.what === what && e[this.detailKey] === detail) {
        e.count += count;
        return;
      }
    }
    const e = { className, what, [this.detailKey]: detail, count } as CountedEntry<K>;
    entries.push(e);
    this.all.push(e);
  }
  entries(): CountedEntry<K>[] {
    return [...this.all];
  }
  get size(): number {
    return this.all.length;
  }
}
type CountedEntry<K extends "reason" | "how"> = { className: string; what: string; count: number } & Record<K, string>;

/**
 * Collects findings and losses of one conversion. Stores at most `keepPerCode` findings of each code (counts stay
 * exact), so a million identical warnings cost a counter, not a million objects.
 */
export class Report {
  readonly findings: Finding[] = [];
  readonly countsByCode = new Map<string, { severity: Severity; count: number }>();
  private readonly losses = new CountedEntries("reason");
  private readonly changes = new CountedEntries("how");
  readonly stats: Record<string, number> = {};
  /** Labels per class title that went through a conversion. */
  readonly labelsPerClass: Record<string, number> = {};

  constructor(private readonly keepPerCode = 200) {}

  add(finding: Finding): void {
    const c = this.countsByCode.get(finding.code);
    if (c) c.count++;
    else this.countsByCode.set(finding.code, { severity: finding.severity, count: 1 });
    if ((c?.count ?? 1) <= this.keepPerCode) this.findings.push(finding);
  }
  error(code: string, message: string, where: Location = {}): void {
    this.add({ severity: "error", code, message, ...where });
  }
  warn(code: string, message: string, where: Location = {}): void {
    this.add({ severity: "warning", code, message, ...where });
  }
  info(code: string, message: string, where: Location = {}): void {
    this.add({ severity: "info", code, message, ...where });
  }

  /** Counts something a target format cannot hold (never dropped silently). */
  lose(className: string, what: string, reason: string, count = 1): void {
    this.losses.add(className, what, reason, count);
  }
  get lossEntries(): LossEntry[] {
    return this.losses.entries();
  }

  /** Counts something the target format holds only in a changed form (never changed silently). */
  change(className: string, what: string, how: string, count = 1): void {
    this.changes.add(className, what, how, count);
  }
  get changeEntries(): ChangeEntry[] {
    return this.changes.entries();
  }

  /** Adds to a statistic; the names are camelCase (`itemsRead`, `cocoImages`), as every key of `--json` is. */
  count(stat: string, n = 1): void {
    if (!STAT_NAME.test(stat)) throw new Error(`statistic name ${JSON.stringify(stat)} is not camelCase`);
    this.stats[stat] = (this.stats[stat] ?? 0) + n;
  }

  total(severity: Severity): number {
    let n = 0;
    for (const c of this.countsByCode.values()) if (c.severity === severity) n += c.count;
    return n;
  }
  get errorCount(): number {
    return this.total("error");
  }
  get warningCount(): number {
    return this.total("warning");
  }
  countOf(code: string): number {
    return this.countsByCode.get(code)?.count ?? 0;
  }
  codes(severity?: Severity): string[] {
    return [...this.countsByCode.entries()].filter(([, v]) => !severity || v.severity === severity).map(([k]) => k);
  }
  toJSON() {
    return {
      errors: this.errorCount,
      warnings: this.warningCount,
      byCode: Object.fromEntries([...this.countsByCode].map(([k, v]) => [k, v])),
      findings: this.findings,
      lossy: this.lossEntries.slice(0, MAX_LISTED_ENTRIES),
      changed: this.changeEntries.slice(0, MAX_LISTED_ENTRIES),
      ...(this.losses.size > MAX_LISTED_ENTRIES ? { lossyNotListed: this.losses.size - MAX_LISTED_ENTRIES } : {}),
      ...(this.changes.size > MAX_LISTED_ENTRIES ? { changedNotListed: this.changes.size - MAX_LISTED_ENTRIES } : {}),
      stats: this.stats,
      labelsPerClass: this.labelsPerClass,
    };
  }
}
