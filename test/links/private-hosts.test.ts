import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeImage, DEFAULT_PROBE_SETTINGS, type ProbeSettings } from "../../formats/links/probe.js";
import { privateAddressKind } from "../../formats/links/host-guard.js";
import { readDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { tempDir } from "../helpers/paths.js";
import { startServer, type TestServer } from "./server.js";

const HOW = "slyconv does not probe loopback, private or link-local hosts unless `allowPrivateHosts: true` is given";
const once: ProbeSettings = { ...DEFAULT_PROBE_SETTINGS, timeoutMs: 3000, retries: 0 };

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("which addresses are not public", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.255.0.9", "a loopback address"],
    ["169.254.169.254", "a link-local address (cloud metadata services live here)"],
    ["10.1.2.3", "a private address"],
    ["172.16.0.1", "a private address"],
    ["172.31.255.255", "a private address"],
    ["192.168.1.1", "a private address"],
    ["100.64.0.1", "a carrier-grade NAT address"],
    ["0.0.0.0", "a 'this network' address"],
    ["224.0.0.1", "a multicast address"],
    ["::1", "a loopback address"],
    ["::", "the unspecified address"],
    ["fd00::1", "a unique-local address"],
    ["fc12:3456::1", "a unique-local address"],
    ["fe80::1", "a link-local address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:7f00:1", "a loopback address"],
    ["::ffff:a9fe:a9fe", "a link-local address (cloud metadata services live here)"],
    ["64:ff9b::a9fe:a9fe", "a link-local address (cloud metadata services live here)"],
  ])("%s is %s", (ip, kind) => {
    expect(privateAddressKind(ip)).toBe(kind);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (ip) => {
    expect(privateAddressKind(ip)).toBeNull();
  });
});

describe("--probe-sizes refuses non-public hosts unless --allow-private-hosts", () => {
  it("an address written in the URL, in any spelling, is refused without a connection", async () => {
    const url = `${server.base}/img/a.png`;
    const before = server.hits.get("/img/a.png") ?? 0;
    expect(await probeImage(url, once)).toEqual({ ok: false, reason: `127.0.0.1 is a loopback address; ${HOW}`, attempts: 1 });
    const port = new URL(server.base).port;
    // The URL parser writes these as 127.0.0.1, [::1] and [::ffff:7f00:1]; all are refused.
    expect(await probeImage(`http://2130706433:${port}/img/a.png`, once)).toMatchObject({ ok: false, reason: `127.0.0.1 is a loopback address; ${HOW}` });
    expect(await probeImage(`http://[::1]:${port}/img/a.png`, once)).toMatchObject({ ok: false, reason: `::1 is a loopback address; ${HOW}` });
    expect(await probeImage(`http://[::ffff:127.0.0.1]:${port}/img/a.png`, once)).toMatchObject({ ok: false, reason: `::ffff:7f00:1 is a loopback address; ${HOW}` });
    expect(await probeImage("http://169.254.169.254/latest/meta-data/", once)).toEqual({ ok: false, reason: `169.254.169.254 is a link-local address (cloud metadata services live here); ${HOW}`, attempts: 1 });
    expect(server.hits.get("/img/a.png") ?? 0).toBe(before);
    expect(await probeImage(url, { ...once, allowPrivateHosts: true })).toMatchObject({ ok: true, header: { width: 37, height: 23 } });
  });

  it("a host name that resolves to a loopback address is refused when it resolves", async () => {
    const port = new URL(server.base).port;
    const out = await probeImage(`http://localhost:${port}/img/a.png`, once);
    expect(out.ok).toBe(false);
    expect((out as { reason: string }).reason).toMatch(new RegExp(`^localhost \\((127\\.0\\.0\\.1|::1)\\) is a loopback address; ${HOW.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}$`));
  });

  describe("after a redirect", () => {
    // The first hop must pass the guard yet stay on this machine: a server on 127.0.0.2 that this test's address
    // check treats as public (Linux routes all of 127/8 to loopback; elsewhere the case is skipped).
    let redirector: http.Server | null = null;
    let base = "";
    const to = new Map<string, string>();
    beforeAll(async () => {
      const srv = http.createServer((req, res) => {
        res.writeHead(302, { location: to.get(req.url ?? "") ?? "/" });
        res.end();
      });
      const ok = await new Promise<boolean>((resolve) => {
        srv.once("error", () => resolve(false));
        srv.listen(0, "127.0.0.2", () => resolve(true));
      });
      if (ok) {
        redirector = srv;
        base = `http://127.0.0.2:${(srv.address() as AddressInfo).port}`;
      }
    });
    afterAll(() => new Promise<void>((resolve) => (redirector ? redirector.close(() => resolve()) : resolve())));
    const firstHopPublic: ProbeSettings = { ...once, addressCheck: (ip) => (ip === "127.0.0.2" ? null : privateAddressKind(ip)) };

    it("to 127.0.0.1 and to 169.254.169.254: refused, the target never reached", async ({ skip }) => {
      if (!redirector) skip("cannot listen on 127.0.0.2 here");
      to.set("/a", `${server.base}/img/b.jpg`);
      to.set("/meta", "http://169.254.169.254/latest/meta-data/iam/");
      const before = server.hits.get("/img/b.jpg") ?? 0;
      expect(await probeImage(`${base}/a`, firstHopPublic)).toEqual({ ok: false, reason: `127.0.0.1 is a loopback address; ${HOW}`, attempts: 1 });
      expect(await probeImage(`${base}/meta`, firstHopPublic)).toEqual({ ok: false, reason: `169.254.169.254 is a link-local address (cloud metadata services live here); ${HOW}`, attempts: 1 });
      expect(server.hits.get("/img/b.jpg") ?? 0).toBe(before);
      // Allowed, the same redirect is followed to the image.
      expect(await probeImage(`${base}/a`, { ...firstHopPublic, allowPrivateHosts: true })).toMatchObject({ ok: true, header: { format: "jpeg" } });
      expect(server.hits.get("/img/b.jpg")).toBe(before + 1);
    });
  });

  it("a links import reports each refused line as a warning that says how to allow it", async () => {
    const dir = tempDir();
    const file = path.join(dir, "list.txt");
    fs.writeFileSync(file, `${server.base}/img/a.png\nhttp://169.254.169.254/latest/meta-data/\n`);
    const report = new Report();
    await readDataset(file, { format: "links", formatOptions: { probeSizes: true }, report });
    expect(report.findings.filter((f) => f.code === "probe-failed").map((f) => [f.line, f.message])).toEqual([
      [1, `cannot read the image size of ${server.base}/img/a.png: 127.0.0.1 is a loopback address; ${HOW} (1 attempt)`],
      [2, `cannot read the image size of http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a link-local address (cloud metadata services live here); ${HOW} (1 attempt)`],
    ]);
  });
});
