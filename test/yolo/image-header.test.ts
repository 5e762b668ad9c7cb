import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { imageSizeFromBuffer, readImageHeaderSize, readImageHeaderSizes } from "../../src/io/image-header.js";
import { readImageSize } from "../../src/io/image-size.js";
import { tempDir } from "../helpers/paths.js";

const dir = tempDir("slyconv-header-");
const files: Record<string, { file: string; width: number; height: number }> = {};

const solid = (w: number, h: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width: w, height: h, channels, background: channels === 4 ? { r: 10, g: 20, b: 30, alpha: 0.5 } : "#123456" } });

/** A JPEG with a 60 kB APP1 segment before its frame header, so the SOF lies far beyond the first read. */
function withLargeApp1(jpeg: Buffer): Buffer {
  const payload = Buffer.alloc(60_000, 0x41);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, payload, Buffer.from([0xff, 0xff]), jpeg.subarray(2)]);
}

/** A BMP header (no pixels needed to read the size). */
function bmp(width: number, height: number, core = false): Buffer {
  const b = Buffer.alloc(core ? 26 : 54);
  b.write("BM", 0, "latin1");
  b.writeUInt32LE(core ? 12 : 40, 14);
  if (core) {
    b.writeUInt16LE(width, 18);
    b.writeUInt16LE(height, 20);
  } else {
    b.writeInt32LE(width, 18);
    b.writeInt32LE(height, 22);
  }
  return b;
}

beforeAll(async () => {
  const make: Record<string, [Buffer, number, number]> = {
    "a.png": [await solid(37, 21).png().toBuffer(), 37, 21],
    "b.jpg": [await solid(65, 33).jpeg().toBuffer(), 65, 33],
    "c-progressive.jpg": [await solid(70, 40).jpeg({ progressive: true }).toBuffer(), 70, 40],
    "d-app1.jpg": [withLargeApp1(await solid(81, 17).jpeg().toBuffer()), 81, 17],
    "e.gif": [await solid(19, 23).gif().toBuffer(), 19, 23],
    "f-lossy.webp": [await solid(45, 31).webp().toBuffer(), 45, 31],
    "g-lossless.webp": [await solid(46, 32).webp({ lossless: true }).toBuffer(), 46, 32],
    "h-alpha.webp": [await solid(47, 29, 4).webp().toBuffer(), 47, 29],
    "i.bmp": [bmp(123, -45), 123, 45],
    "j-core.bmp": [bmp(12, 34, true), 12, 34],
    "k.tif": [await solid(29, 13).tiff().toBuffer(), 29, 13],
  };
  for (const [name, [buf, width, height]] of Object.entries(make)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, buf);
    files[name] = { file, width, height };
  }
});

describe("image header reader", () => {
  it("reads PNG, JPEG (baseline, progressive, SOF past a 60 kB APP1), GIF, WebP (VP8, VP8L, VP8X) and BMP sizes", async () => {
    for (const [name, f] of Object.entries(files)) {
      expect(await readImageHeaderSize(f.file), name).toEqual({ width: f.width, height: f.height });
    }
  });

  it("agrees with sharp wherever sharp reads the file", async () => {
    for (const [name, f] of Object.entries(files)) {
      if (name.endsWith(".bmp")) continue; // sharp has no BMP reader
      expect(await readImageHeaderSize(f.file), name).toEqual(await readImageSize(f.file));
    }
  });

  it("reads the same from memory", async () => {
    for (const [name, f] of Object.entries(files)) {
      expect(await imageSizeFromBuffer(fs.readFileSync(f.file)), name).toEqual({ width: f.width, height: f.height });
    }
  });

  it("returns null for a missing, truncated or non-image file", async () => {
    const truncated = path.join(dir, "truncated.jpg");
    fs.writeFileSync(truncated, fs.readFileSync(files["d-app1.jpg"].file).subarray(0, 5000));
    const text = path.join(dir, "not-image.png");
    fs.writeFileSync(text, "hello, world");
    expect(await readImageHeaderSize(path.join(dir, "nope.png"))).toBeNull();
    expect(await readImageHeaderSize(truncated)).toBeNull();
    expect(await readImageHeaderSize(text)).toBeNull();
  });

  it("reads many files in input order", async () => {
    const names = Object.keys(files);
    const sizes = await readImageHeaderSizes(names.map((n) => files[n].file), 4);
    expect(sizes).toEqual(names.map((n) => ({ width: files[n].width, height: files[n].height })));
  });
});
