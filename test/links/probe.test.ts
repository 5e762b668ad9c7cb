import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeImage, probeImages, DEFAULT_PROBE_SETTINGS, type ProbeSettings } from "../../formats/links/probe.js";
import { parseImageHeader } from "../../src/io/image-header.js";
import { readDataset } from "../../src/api.js";
import { materializeProject, type Item } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { tempDir } from "../helpers/paths.js";
import { startServer, type TestServer } from "./server.js";

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ slowMs: 5000 });
});
afterAll(() => server.close());

/** Generous timeout for requests that should succeed (the machine may be busy), short backoff; the server is on 127.0.0.1. */
const fast: ProbeSettings = { ...DEFAULT_PROBE_SETTINGS, timeoutMs: 3000, retries: 2, backoffMs: 20, allowPrivateHosts: true };
/** For the slow endpoint only. */
const short: ProbeSettings = { ...fast, timeoutMs: 300 };

describe("image headers from bytes", () => {
  it("PNG, JPEG, GIF, WebP (lossy and lossless), BMP", async () => {
    for (const [name, img] of Object.entries(server.images)) {
      const r = parseImageHeader(img.bytes);
      expect(r, name).toEqual({ status: "ok", header: { format: expect.any(String), mime: img.mime, width: img.width, height: img.height } });
    }
  });
  it("asks for more bytes when the header is further in, and tells non-images apart", () => {
    const exif = server.images["exif.jpg"].bytes;
    expect(parseImageHeader(exif.subarray(0, 65_536))).toEqual({ status: "need-more", minBytes: 2 + (2 + 65_000) + (2 + 40_000) + 4 });
    expect(parseImageHeader(server.images["a.png"].bytes.subarray(0, 8))).toEqual({ status: "need-more", minBytes: 12 });
    expect(parseImageHeader(Buffer.from("<html><body>"))).toEqual({ status: "unknown" });
  });
});

describe("probing over HTTP (local server on 127.0.0.1)", () => {
  it("reads the size with one range request per image", async () => {
    const out = await probeImage(`${server.base}/img/b.jpg`, fast);
    expect(out).toEqual({ ok: true, header: { format: "jpeg", mime: "image/jpeg", width: 37, height: 23 }, fileBytes: server.images["b.jpg"].bytes.length, attempts: 1 });
    expect(server.hits.get("/img/b.jpg")).toBe(1);
  });

  it("asks for the next range when a JPEG's frame header is past the first 64 KiB", async () => {
    const out = await probeImage(`${server.base}/img/exif.jpg`, fast);
    expect(out).toMatchObject({ ok: true, header: { width: 37, height: 23 } });
    expect(server.hits.get("/img/exif.jpg")).toBe(2);
  });

  it("a server that ignores Range is read only up to the header", async () => {
    expect(await probeImage(`${server.base}/norange/c.gif`, fast)).toMatchObject({ ok: true, header: { format: "gif", width: 37, height: 23 } });
    expect(await probeImage(`${server.base}/norange/exif.jpg`, fast)).toMatchObject({ ok: true, header: { format: "jpeg" } });
  });

  it("404 fails at once; timeouts and closed connections are retried, then reported", async () => {
    expect(await probeImage(`${server.base}/missing.png`, fast)).toEqual({ ok: false, reason: "HTTP 404 Not Found", attempts: 1 });
    const started = Date.now();
    expect(await probeImage(`${server.base}/slow/a.png`, short)).toEqual({ ok: false, reason: "timed out after 300 ms", attempts: 3 });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await probeImage(`${server.base}/close/a.png`, fast)).toEqual({ ok: false, reason: "the server closed the connection", attempts: 3 });
    expect(await probeImage(`${server.base}/text/page`, fast)).toEqual({ ok: false, reason: "not a PNG, JPEG, GIF, WebP or BMP image (content-type text/html)", attempts: 1 });
    expect(await probeImage(`${server.base}/empty/x.png`, fast)).toEqual({ ok: false, reason: "the file is empty (HTTP 416)", attempts: 1 });
    const closedPort = await freePort();
    expect(await probeImage(`http://127.0.0.1:${closedPort}/nothing.png`, { ...fast, retries: 0 })).toEqual({ ok: false, reason: "connection refused", attempts: 1 });
  });

  it("a 503 is retried with backoff and then succeeds", async () => {
    expect(await probeImage(`${server.base}/flaky/one.png`, fast)).toMatchObject({ ok: true, attempts: 2 });
    expect(server.hits.get("/flaky/one.png")).toBe(2);
  });

  it("probes 1,000 links with bounded concurrency (rate printed)", async () => {
    const names = ["a.png", "b.jpg", "c.gif", "d.webp", "f.bmp"];
    const urls = Array.from({ length: 1000 }, (_, i) => `${server.base}/img/${names[i % names.length]}?n=${i}`);
    server.connections.reset();
    let done = 0;
    const started = performance.now();
    const out = await probeImages(urls, { ...DEFAULT_PROBE_SETTINGS, concurrency: 16, allowPrivateHosts: true }, { onDone: () => done++ });
    const seconds = (performance.now() - started) / 1000;
    expect(out.filter((o) => o.ok)).toHaveLength(1000);
    expect(out.map((o) => (o.ok ? o.header.width : 0)).slice(0, 5)).toEqual([37, 37, 37, 37, 5]);
    console.log(`probed 1000 links in ${seconds.toFixed(2)} s: ${(1000 / seconds).toFixed(0)} links/s (concurrency 16, 127.0.0.1)`);
    expect(done).toBe(1000);
    // Connections are pooled: never more than the concurrency, and more than one was used.
    expect(server.connections.max).toBeLessThanOrEqual(16);
    expect(server.connections.max).toBeGreaterThan(1);
  });
});

describe("links import with --probe-sizes", () => {
  it("records sizes per row and reports failures per line, never failing the whole list", async () => {
    const dir = tempDir();
    const file = path.join(dir, "list.txt");
    fs.writeFileSync(file, [
      `${server.base}/img/a.png`,
      `${server.base}/missing.png`,
      `${server.base}/img/f.bmp`,
      "s3://bucket/x.jpg",
      `${server.base}/img/d.webp?name=ignored`,
      `${server.base}/img/e.webp`,
      `${server.base}/close/z.jpg`,
    ].join("\n") + "\n");
    const report = new Report();
    const { project } = await readDataset(file, { format: "links", formatOptions: { probeSizes: true, allowPrivateHosts: true, probeTimeout: "3000", probeRetries: "1" }, report });
    const items = (await materializeProject(project)).datasets[0].items as Item[];
    expect(items.map((i) => [i.name, i.annotation.size.width, i.annotation.size.height])).toEqual([
      ["a.png", 37, 23], ["missing.png", null, null], ["f.bmp", 5, 3], ["x.jpg", null, null], ["d.webp", 37, 23], ["e.webp", 19, 11], ["z.jpg", null, null],
    ]);
    expect(items[0].imageInfo).toEqual({ link: `${server.base}/img/a.png`, mime: "image/png", width: 37, height: 23, size: server.images["a.png"].bytes.length });
    expect(report.findings.filter((f) => f.code === "probe-failed").map((f) => [f.line, f.message])).toEqual([
      [2, `cannot read the image size of ${server.base}/missing.png: HTTP 404 Not Found (1 attempt)`],
      [7, `cannot read the image size of ${server.base}/close/z.jpg: the server closed the connection (2 attempts)`],
    ]);
    expect(report.findings.filter((f) => f.code === "probe-skipped").map((f) => [f.line, f.message])).toEqual([
      [4, "not probed: s3 URLs cannot be read here; the size stays unknown"],
    ]);
    expect(report.findings.find((f) => f.code === "probe-summary")?.message).toMatch(/^probed 6 links in \d+\.\d\d s \(\d+\/s\): 4 sizes read, 2 failed$/);
    expect(report.errorCount).toBe(0);
  });

  it("a name without an extension gets the probed format's", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "l.txt"), `${server.base}/flaky/noext\n`);
    const { project } = await readDataset(path.join(dir, "l.txt"), { format: "links", formatOptions: { probeSizes: true, allowPrivateHosts: true }, report: new Report() });
    const items = (await materializeProject(project)).datasets[0].items as Item[];
    expect(items.map((i) => i.name)).toEqual(["noext.png"]);
  });
});
