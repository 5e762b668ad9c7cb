/**
 * A local HTTP server on 127.0.0.1 for the probing tests: real images (with and without Range support), a JPEG
 * whose frame header sits past the first 64 KiB, slow responses, 404s, a connection that is closed, a flaky
 * endpoint that fails once, and a non-image. Nothing leaves the machine.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

export interface TestImage { bytes: Buffer; width: number; height: number; mime: string }

/** A 24-bit BMP with a BITMAPINFOHEADER, written by hand (sharp does not write BMP). */
export function bmp(width: number, height: number): Buffer {
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + rowBytes * height;
  const b = Buffer.alloc(size);
  b.write("BM", 0, "latin1");
  b.writeUInt32LE(size, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(-height, 22); // top-down rows: a negative height
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(rowBytes * height, 34);
  return b;
}

/** A JPEG with two large APPn segments after SOI, so its SOF starts past byte 100 000. */
export function jpegWithLargeExif(jpeg: Buffer): Buffer {
  const segment = (marker: number, len: number) => {
    const s = Buffer.alloc(2 + len);
    s[0] = 0xff;
    s[1] = marker;
    s.writeUInt16BE(len, 2);
    return s;
  };
  return Buffer.concat([jpeg.subarray(0, 2), segment(0xe1, 65_000), segment(0xe2, 40_000), jpeg.subarray(2)]);
}

export async function makeImages(): Promise<Record<string, TestImage>> {
  const base = () => sharp({ create: { width: 37, height: 23, channels: 3, background: { r: 200, g: 30, b: 60 } } });
  const webpLossless = await sharp({ create: { width: 19, height: 11, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } }).webp({ lossless: true }).toBuffer();
  const jpg = await base().jpeg().toBuffer();
  return {
    "a.png": { bytes: await base().png().toBuffer(), width: 37, height: 23, mime: "image/png" },
    "b.jpg": { bytes: jpg, width: 37, height: 23, mime: "image/jpeg" },
    "c.gif": { bytes: await base().gif().toBuffer(), width: 37, height: 23, mime: "image/gif" },
    "d.webp": { bytes: await base().webp().toBuffer(), width: 37, height: 23, mime: "image/webp" },
    "e.webp": { bytes: webpLossless, width: 19, height: 11, mime: "image/webp" },
    "f.bmp": { bytes: bmp(5, 3), width: 5, height: 3, mime: "image/bmp" },
    "exif.jpg": { bytes: jpegWithLargeExif(jpg), width: 37, height: 23, mime: "image/jpeg" },
  };
}

export interface TestServer {
  base: string;
  images: Record<string, TestImage>;
  /** Requests seen per path (without query). */
  hits: Map<string, number>;
  /** Most connections open at once since the last reset. */
  connections: { active: number; max: number; reset(): void };
  close(): Promise<void>;
}

function sendImage(req: http.IncomingMessage, res: http.ServerResponse, img: TestImage, honourRange: boolean): void {
  const range = honourRange ? /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "") : null;
  if (!range) {
    res.writeHead(200, { "content-type": img.mime, "content-length": img.bytes.length });
    res.end(img.bytes);
    return;
  }
  const start = Number(range[1]);
  const end = Math.min(range[2] ? Number(range[2]) : img.bytes.length - 1, img.bytes.length - 1);
  if (start >= img.bytes.length) {
    res.writeHead(416, { "content-range": `bytes */${img.bytes.length}` });
    res.end();
    return;
  }
  res.writeHead(206, { "content-type": img.mime, "content-range": `bytes ${start}-${end}/${img.bytes.length}`, "content-length": end - start + 1 });
  res.end(img.bytes.subarray(start, end + 1));
}

export async function startServer(opts: { slowMs?: number } = {}): Promise<TestServer> {
  const images = await makeImages();
  const hits = new Map<string, number>();
  const flakySeen = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const connections = { active: 0, max: 0, reset() { this.max = this.active; } };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const p = url.pathname;
    hits.set(p, (hits.get(p) ?? 0) + 1);
    const [, kind, name] = /^\/([^/]+)\/?(.*)$/.exec(p) ?? [];
    if (kind === "img" && images[name]) return sendImage(req, res, images[name], true);
    if (kind === "norange" && images[name]) return sendImage(req, res, images[name], false);
    if (kind === "slow") {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) sendImage(req, res, images["a.png"], true);
      }, opts.slowMs ?? 3000);
      timers.add(t);
      return;
    }
    if (kind === "close") return req.socket.destroy();
    if (kind === "flaky") {
      if (!flakySeen.has(name)) {
        flakySeen.add(name);
        res.writeHead(503, { "retry-after": "0" });
        return res.end("busy");
      }
      return sendImage(req, res, images["a.png"], true);
    }
    if (kind === "text") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("<html>not an image</html>");
    }
    if (kind === "empty") {
      res.writeHead(416, { "content-range": "bytes */0" });
      return res.end();
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  server.keepAliveTimeout = 5000;
  server.on("connection", (socket) => {
    connections.active++;
    connections.max = Math.max(connections.max, connections.active);
    socket.on("close", () => connections.active--);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    images,
    hits,
    connections,
    close: () => new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
