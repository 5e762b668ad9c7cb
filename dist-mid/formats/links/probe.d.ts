/**
 * Image sizes of remote links from their headers only: an HTTP range request for the first 64 KiB (more ranges
 * when a JPEG's frame header sits further in), parsed by src/io/image-header. Bounded concurrency, a timeout per
 * request, retries with exponential backoff for failures that may pass (timeouts, dropped connections, 5xx, 429).
 * A server that ignores Range and sends the whole file is read only until the header is found. Node's http/https
 * with keep-alive agents rather than fetch: about twice the request rate against a local server, and sockets
 * bounded per host.
 */
import http from "node:http";
import https from "node:https";
import { type ImageHeader } from "../../src/io/image-header.js";
import { DEFAULT_PROBE_SETTINGS, type ProbeSettings } from "./options.js";
export { DEFAULT_PROBE_SETTINGS, type ProbeSettings };
export type ProbeOutcome = {
    ok: true;
    header: ImageHeader; /** Whole file size when the server told it. */
    fileBytes?: number;
    attempts: number;
} | {
    ok: false;
    reason: string;
    attempts: number;
};
/** Keep-alive connection pools for one probing run, at most `concurrency` sockets per host. */
export interface ProbeAgents {
    http: http.Agent;
    https: https.Agent;
}
export declare function createProbeAgents(concurrency: number): ProbeAgents;
export declare function destroyProbeAgents(a: ProbeAgents): void;
/** Probes one URL with retries. Never throws for network or HTTP problems (only when `signal` aborts). */
export declare function probeImage(url: string, s?: ProbeSettings, signal?: AbortSignal, agents?: ProbeAgents): Promise<ProbeOutcome>;
/** Probes every URL with at most `s.concurrency` in flight; outcomes in input order. */
export declare function probeImages(urls: readonly string[], s?: ProbeSettings, opts?: {
    signal?: AbortSignal;
    onDone?: () => void;
}): Promise<ProbeOutcome[]>;
