/**
 * Which addresses `--probe-sizes` may connect to. A link list comes from anywhere, and probing it makes requests
 * from the user's machine: a link (or a redirect) to 127.0.0.1, a router's admin page or a cloud metadata service
 * (169.254.169.254) would reach services that are not meant to be reachable from outside. Those addresses are
 * refused unless the user passes --allow-private-hosts. Checked on every request, redirects included, both for
 * hosts written as addresses and for the addresses a host name resolves to (so a name pointing at 127.0.0.1 is
 * refused too).
 */
import dns from "node:dns";
import net from "node:net";
import { optionSetting } from "../../src/errors.js";
/** Address ranges that are not the public internet (IANA special-purpose registries), with what they are. */
const RANGES = [
    ["0.0.0.0", 8, "ipv4", "a 'this network' address"],
    ["10.0.0.0", 8, "ipv4", "a private address"],
    ["100.64.0.0", 10, "ipv4", "a carrier-grade NAT address"],
    ["127.0.0.0", 8, "ipv4", "a loopback address"],
    ["169.254.0.0", 16, "ipv4", "a link-local address (cloud metadata services live here)"],
    ["172.16.0.0", 12, "ipv4", "a private address"],
    ["192.0.0.0", 24, "ipv4", "an IETF protocol address"],
    ["192.0.2.0", 24, "ipv4", "a documentation address"],
    ["192.168.0.0", 16, "ipv4", "a private address"],
    ["198.18.0.0", 15, "ipv4", "a benchmarking address"],
    ["198.51.100.0", 24, "ipv4", "a documentation address"],
    ["203.0.113.0", 24, "ipv4", "a documentation address"],
    ["224.0.0.0", 4, "ipv4", "a multicast address"],
    ["240.0.0.0", 4, "ipv4", "a reserved address"],
    ["::", 128, "ipv6", "the unspecified address"],
    ["::1", 128, "ipv6", "a loopback address"],
    ["100::", 64, "ipv6", "a discard address"],
    ["2001:db8::", 32, "ipv6", "a documentation address"],
    ["fc00::", 7, "ipv6", "a unique-local address"],
    ["fe80::", 10, "ipv6", "a link-local address"],
    ["fec0::", 10, "ipv6", "a site-local address"],
    ["ff00::", 8, "ipv6", "a multicast address"],
];
const lists = RANGES.map(([address, prefix, type, what]) => {
    const list = new net.BlockList();
    list.addSubnet(address, prefix, type);
    return { list, type, what };
});
/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 (64:ff9b::/96) IPv6 address. */
function embeddedIpv4(ip) {
    const m = /^(?:::ffff:|::|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(ip);
    if (!m)
        return null;
    if (m[1])
        return m[1];
    const hi = parseInt(m[2], 16), lo = parseInt(m[3], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}
/** What kind of non-public address `ip` is, or null for a public one. */
export function privateAddressKind(ip) {
    const family = net.isIP(ip);
    if (family === 0)
        return null;
    if (family === 6) {
        const v4 = embeddedIpv4(ip);
        if (v4)
            return privateAddressKind(v4);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    for (const r of lists)
        if (r.type === type && r.list.check(ip, type))
            return r.what;
    return null;
}
export class PrivateHostError extends Error {
    code = "EPRIVATEHOST";
}
/** The message a refused host gets: what the address is and how to allow it. */
export function privateHostMessage(host, address, kind) {
    const shown = host === address ? address : `${host} (${address})`;
    return `${shown} is ${kind}; slyconv does not probe loopback, private or link-local hosts unless ${optionSetting("allowPrivateHosts", true)} is given`;
}
/** A URL hostname without the brackets of an IPv6 literal. */
export function bareHost(hostname) {
    return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}
/** The refusal for a host written as an address, or null (names are checked when they resolve, by guardedLookup). */
export function refuseLiteralHost(hostname, check = privateAddressKind) {
    const host = bareHost(hostname);
    const kind = check(host);
    return kind ? privateHostMessage(host, host, kind) : null;
}
/** dns.lookup for http.request's `lookup` option that fails when a name resolves to a non-public address. */
export const guardedLookup = (check = privateAddressKind) => (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err)
            return callback(err, []);
        for (const a of addresses) {
            const kind = check(a.address);
            if (kind)
                return callback(new PrivateHostError(privateHostMessage(hostname, a.address, kind)), []);
        }
        if (options.all)
            return callback(null, addresses);
        const first = addresses[0];
        callback(null, first.address, first.family);
    });
};
//# sourceMappingURL=host-guard.js.map