import { UsageError, optionName } from "../../src/errors.js";
export const DEFAULT_PROBE_SETTINGS = {
    concurrency: 16,
    timeoutMs: 10_000,
    retries: 2,
    backoffMs: 250,
    firstChunk: 65_536,
    maxBytes: 4 * 1024 * 1024,
    allowPrivateHosts: false,
};
export const linksImportOptions = [
    { flags: "--probe-sizes", description: "links: read each image's size from its header over HTTP (range requests)" },
    { flags: "--probe-concurrency <n>", description: `links: requests in flight while probing (default ${DEFAULT_PROBE_SETTINGS.concurrency})` },
    { flags: "--probe-timeout <ms>", description: `links: timeout of one probe request (default ${DEFAULT_PROBE_SETTINGS.timeoutMs})` },
    { flags: "--probe-retries <n>", description: `links: retries of a failed probe, with exponential backoff (default ${DEFAULT_PROBE_SETTINGS.retries})` },
    { flags: "--allow-private-hosts", description: "links: let --probe-sizes reach loopback, private and link-local addresses (refused by default, after redirects too)" },
];
export const linksExportOptions = [
    { flags: "--list-format <format>", description: "links: links.csv (url,name,tag) or links.txt (URLs only)", choices: ["csv", "txt"] },
];
function intOption(value, flag, min, max, fallback) {
    if (value === undefined || value === null)
        return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
        throw new UsageError(`${flag} must be an integer ${min}..${max}, not ${JSON.stringify(value)}`);
    return n;
}
export function parseLinksImportOptions(o) {
    const d = DEFAULT_PROBE_SETTINGS;
    return {
        probe: Boolean(o.probeSizes),
        probeSettings: {
            ...d,
            concurrency: intOption(o.probeConcurrency, optionName("probeConcurrency"), 1, 256, d.concurrency),
            timeoutMs: intOption(o.probeTimeout, optionName("probeTimeout"), 1, 600_000, d.timeoutMs),
            retries: intOption(o.probeRetries, optionName("probeRetries"), 0, 10, d.retries),
            ...(typeof o.probeBackoff === "number" ? { backoffMs: o.probeBackoff } : {}),
            allowPrivateHosts: Boolean(o.allowPrivateHosts),
        },
    };
}
export function parseLinksExportOptions(o) {
    const f = o.listFormat ?? "csv";
    if (f !== "csv" && f !== "txt")
        throw new UsageError(`${optionName("listFormat")} must be csv or txt, not ${JSON.stringify(f)}`);
    return { listFormat: f };
}
/** links.csv holds image tag names (a value is counted by the writer); links.txt holds URLs only; no list holds objects. */
export function linksTagsWritten(o) {
    const { listFormat } = parseLinksExportOptions(o);
    return {
        image: () => listFormat === "csv" || "links.txt holds URLs only",
        object: () => "a link list holds no objects",
    };
}
//# sourceMappingURL=options.js.map