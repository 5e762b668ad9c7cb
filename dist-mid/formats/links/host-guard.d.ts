/**
 * Which addresses `--probe-sizes` may connect to. A link list comes from anywhere, and probing it makes requests
 * from the user's machine: a link (or a redirect) to 127.0.0.1, a router's admin page or a cloud metadata service
 * (169.254.169.254) would reach services that are not meant to be reachable from outside. Those addresses are
 * refused unless the user passes --allow-private-hosts. Checked on every request, redirects included, both for
 * hosts written as addresses and for the addresses a host name resolves to (so a name pointing at 127.0.0.1 is
 * refused too).
 */
import dns from "node:dns";
/** What kind of non-public address `ip` is, or null for a public one. */
export declare function privateAddressKind(ip: string): string | null;
export declare class PrivateHostError extends Error {
    readonly code = "EPRIVATEHOST";
}
/** The message a refused host gets: what the address is and how to allow it. */
export declare function privateHostMessage(host: string, address: string, kind: string): string;
/** A URL hostname without the brackets of an IPv6 literal. */
export declare function bareHost(hostname: string): string;
/** Says what kind of non-public address an IP is, or null; privateAddressKind unless a test gives another. */
export type AddressCheck = (ip: string) => string | null;
/** The refusal for a host written as an address, or null (names are checked when they resolve, by guardedLookup). */
export declare function refuseLiteralHost(hostname: string, check?: AddressCheck): string | null;
type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;
/** dns.lookup for http.request's `lookup` option that fails when a name resolves to a non-public address. */
export declare const guardedLookup: (check?: AddressCheck) => (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => void;
export {};
