import type { FormatOptions, TagsWritten } from "../../src/format.js";
export interface ProbeSettings {
    concurrency: number;
    /** Per request, from sending it to the last byte read. */
    timeoutMs: number;
    /** Extra attempts after the first. */
    retries: number;
    /** First retry waits backoffMs, then 2×, 4×, … (each with ±25 % jitter). */
    backoffMs: number;
    /** Bytes asked for in the first range request. */
    firstChunk: number;
    /** Give up when no header shows within this many bytes. */
    maxBytes: number;
    /** Probe hosts on loopback, private, link-local and similar addresses too (refused by default: host-guard.ts). */
    allowPrivateHosts: boolean;
    /** Which addresses count as non-public (host-guard.ts privateAddressKind); tests give their own. */
    addressCheck?: (ip: string) => string | null;
}
export declare const DEFAULT_PROBE_SETTINGS: ProbeSettings;
export declare const linksImportOptions: readonly [{
    readonly flags: "--probe-sizes";
    readonly description: "links: read each image's size from its header over HTTP (range requests)";
}, {
    readonly flags: "--probe-concurrency <n>";
    readonly description: `links: requests in flight while probing (default ${number})`;
}, {
    readonly flags: "--probe-timeout <ms>";
    readonly description: `links: timeout of one probe request (default ${number})`;
}, {
    readonly flags: "--probe-retries <n>";
    readonly description: `links: retries of a failed probe, with exponential backoff (default ${number})`;
}, {
    readonly flags: "--allow-private-hosts";
    readonly description: "links: let --probe-sizes reach loopback, private and link-local addresses (refused by default, after redirects too)";
}];
export declare const linksExportOptions: readonly [{
    readonly flags: "--list-format <format>";
    readonly description: "links: links.csv (url,name,tag) or links.txt (URLs only)";
    readonly choices: readonly ["csv", "txt"];
}];
export interface LinksImportOptions {
    probe: boolean;
    probeSettings: ProbeSettings;
}
export interface LinksExportOptions {
    listFormat: "csv" | "txt";
}
export declare function parseLinksImportOptions(o: FormatOptions): LinksImportOptions;
export declare function parseLinksExportOptions(o: FormatOptions): LinksExportOptions;
/** links.csv holds image tag names (a value is counted by the writer); links.txt holds URLs only; no list holds objects. */
export declare function linksTagsWritten(o: FormatOptions): TagsWritten;
