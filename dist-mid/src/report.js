/** Loss and change entries `--json` lists at most (the printed summary shows fewer); the rest are counted. */
export const MAX_LISTED_ENTRIES = 1000;
const STAT_NAME = /^[a-z][a-zA-Z0-9]*$/;
/** Loss or change entries, one per class, `what` and reason, in the order first counted. */
class CountedEntries {
    all = [];
    // Per class, the few entries it has: no key string to build per label, as a stream of labels repeats them.
    byClass = new Map();
    add(className, what, count, sameReason, make) {
        let entries = this.byClass.get(className);
        if (!entries)
            this.byClass.set(className, (entries = []));
        for (const e of entries) {
            if (e.what === what && sameReason(e)) {
                e.count += count;
                return;
            }
        }
        const e = make();
        entries.push(e);
        this.all.push(e);
    }
    entries() {
        return [...this.all];
    }
    get size() {
        return this.all.length;
    }
}
/**
 * Collects findings and losses of one conversion. Stores at most `keepPerCode` findings of each code (counts stay
 * exact), so a million identical warnings cost a counter, not a million objects.
 */
export class Report {
    keepPerCode;
    findings = [];
    countsByCode = new Map();
    losses = new CountedEntries();
    changes = new CountedEntries();
    stats = {};
    /** Labels per class title that went through a conversion. */
    labelsPerClass = {};
    constructor(keepPerCode = 200) {
        this.keepPerCode = keepPerCode;
    }
    add(finding) {
        const c = this.countsByCode.get(finding.code);
        if (c)
            c.count++;
        else
            this.countsByCode.set(finding.code, { severity: finding.severity, count: 1 });
        if ((c?.count ?? 1) <= this.keepPerCode)
            this.findings.push(finding);
    }
    error(code, message, where = {}) {
        this.add({ severity: "error", code, message, ...where });
    }
    warn(code, message, where = {}) {
        this.add({ severity: "warning", code, message, ...where });
    }
    info(code, message, where = {}) {
        this.add({ severity: "info", code, message, ...where });
    }
    /** Counts something a target format cannot hold (never dropped silently). */
    lose(className, what, reason, count = 1) {
        this.losses.add(className, what, count, (e) => e.reason === reason, () => ({ className, what, reason, count }));
    }
    get lossEntries() {
        return this.losses.entries();
    }
    /** Counts something the target format holds only in a changed form (never changed silently). */
    change(className, what, how, count = 1) {
        this.changes.add(className, what, count, (e) => e.how === how, () => ({ className, what, how, count }));
    }
    get changeEntries() {
        return this.changes.entries();
    }
    /** Adds to a statistic; the names are camelCase (`itemsRead`, `cocoImages`), as every key of `--json` is. */
    count(stat, n = 1) {
        if (!STAT_NAME.test(stat))
            throw new Error(`statistic name ${JSON.stringify(stat)} is not camelCase`);
        this.stats[stat] = (this.stats[stat] ?? 0) + n;
    }
    total(severity) {
        let n = 0;
        for (const c of this.countsByCode.values())
            if (c.severity === severity)
                n += c.count;
        return n;
    }
    get errorCount() {
        return this.total("error");
    }
    get warningCount() {
        return this.total("warning");
    }
    countOf(code) {
        return this.countsByCode.get(code)?.count ?? 0;
    }
    codes(severity) {
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
//# sourceMappingURL=report.js.map