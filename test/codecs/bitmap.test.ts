import { describe, expect, it } from "vitest";
import { deflateSync, inflateSync } from "node:zlib";
import sharp from "sharp";
import {
  bitmapDataSize, bitmapFromMask, decodeAlphaMaskData, decodeBitmapData, encodeAlphaMaskData, encodeBitmapData, zlibStored,
} from "../../src/codecs/bitmap.js";
import { encodePng } from "../../src/codecs/png-encode.js";

/** The docs example of spec §4.1: the 3×3 mask [[1,1,1],[1,0,0],[1,1,1]] as the SDK encodes it. */
const DOCS_EXAMPLE =
  "eJzrDPBz5+WS4mJgYOD19HAJAtLMIMwIInOeqf8BUmwBPiGuQPr///9Lb86/C2QxlgT5BTM4PLuRBuTwebo4hlTMSa44cOHAB6DqY0yORgq8YkAZBk9XP5d1TglNANAFGzA=";
const DOCS_MASK = [1, 1, 1, 1, 0, 0, 1, 1, 1];

/** Splits a PNG into its chunks. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  const out = [];
  for (let p = 8; p < png.length; ) {
    const len = png.readUInt32BE(p);
    out.push({ type: png.toString("latin1", p + 4, p + 8), data: png.subarray(p + 8, p + 8 + len) });
    p += 12 + len;
  }
  return out;
}

describe("bitmap codec (spec §4)", () => {
  it("wraps the PNG in stored zlib blocks that any inflater reads back: empty, one block, several", () => {
    for (const n of [0, 1, 600, 65535, 65536, 200_000]) {
      const data = Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919) % 251));
      const z = zlibStored(data);
      expect(z.length).toBe(2 + 5 * Math.max(1, Math.ceil(n / 65535)) + n + 4);
      expect(((z[0] << 8) | z[1]) % 31).toBe(0);
      expect(inflateSync(z).equals(data)).toBe(true);
      // zlib's own checksum agrees (a wrong Adler-32 makes inflateSync throw; checked outright for one size).
      if (n === 600) expect(z.readUInt32BE(z.length - 4)).toBe(deflateSync(data).readUInt32BE(deflateSync(data).length - 4));
    }
  });

  it("decodes the SDK docs example exactly", () => {
    const m = decodeBitmapData(DOCS_EXAMPLE);
    expect([m.width, m.height]).toEqual([3, 3]);
    expect([...m.data]).toEqual(DOCS_MASK);
    expect(bitmapDataSize(DOCS_EXAMPLE)).toEqual({ width: 3, height: 3 });
  });

  it("encodes as the 1-bit palette PNG with transparent index 0, zlib, base64", () => {
    const data = encodeBitmapData({ width: 3, height: 3, data: Uint8Array.from(DOCS_MASK) });
    const raw = Buffer.from(data, "base64");
    expect(raw.subarray(0, 2)).toEqual(Buffer.from([0x78, 0x01])); // zlib of stored blocks (the SDK compresses: 78 9c)
    const png = inflateSync(raw);
    const c = chunks(png);
    expect(c.map((x) => x.type)).toEqual(["IHDR", "PLTE", "tRNS", "IDAT", "IEND"]);
    const ihdr = c[0].data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([3, 3, 1, 3]);
    expect([...c[1].data]).toEqual([0, 0, 0, 255, 255, 255]);
    expect([...c[2].data]).toEqual([0]);
    // Unfiltered scanlines 00 e0 / 00 80 / 00 e0, as decoded from the docs example.
    expect([...inflateSync(c[3].data)]).toEqual([0, 0xe0, 0, 0x80, 0, 0xe0]);
    expect([...decodeBitmapData(data).data]).toEqual(DOCS_MASK);
  });

  it("the docs example and our encoding hold the same PNG scanlines", () => {
    const theirs = chunks(inflateSync(Buffer.from(DOCS_EXAMPLE, "base64")));
    const ours = chunks(inflateSync(Buffer.from(encodeBitmapData({ width: 3, height: 3, data: Uint8Array.from(DOCS_MASK) }), "base64")));
    const idat = (c: typeof ours) => inflateSync(Buffer.concat(c.filter((x) => x.type === "IDAT").map((x) => x.data)));
    expect(idat(ours)).toEqual(idat(theirs));
    expect(ours.find((x) => x.type === "IHDR")!.data).toEqual(theirs.find((x) => x.type === "IHDR")!.data);
  });

  it("reads a server-style string: zlib with a stored (uncompressed) block", () => {
    const png = inflateSync(Buffer.from(DOCS_EXAMPLE, "base64"));
    const stored = deflateSync(png, { level: 0 }).toString("base64");
    expect(stored.startsWith("eAEB")).toBe(true); // 78 01 01: zlib header + stored block
    expect([...decodeBitmapData(stored).data]).toEqual(DOCS_MASK);
  });

  it("reads a plain base64 PNG without zlib (labeling-tool strokes, SDK PR #781)", () => {
    const png = inflateSync(Buffer.from(DOCS_EXAMPLE, "base64"));
    expect([...decodeBitmapData(png.toString("base64")).data]).toEqual(DOCS_MASK);
  });

  it("reads an 8-bit gray PNG without alpha: mask = value != 0", () => {
    const png = encodePng({ width: 2, height: 2, bitDepth: 8, colorType: 0 }, Uint8Array.from([0, 255, 7, 0]));
    expect([...decodeBitmapData(deflateSync(png).toString("base64")).data]).toEqual([0, 1, 1, 0]);
  });

  it("reads an RGBA PNG: mask = alpha != 0", async () => {
    const rgba = Buffer.from([255, 255, 255, 0, 0, 0, 0, 255, 9, 9, 9, 1, 0, 0, 0, 0]);
    const png = await sharp(rgba, { raw: { width: 2, height: 2, channels: 4 } }).png().toBuffer();
    expect([...decodeBitmapData(deflateSync(png).toString("base64")).data]).toEqual([0, 1, 1, 0]);
  });

  it("rejects data that is not a bitmap with a clear message", () => {
    expect(() => decodeBitmapData("")).toThrow(/empty/);
    expect(() => decodeBitmapData("!!!")).toThrow(/not base64/);
    expect(() => decodeBitmapData(Buffer.from("hello world").toString("base64"))).toThrow(/neither a zlib stream nor a PNG/);
    expect(() => decodeBitmapData(deflateSync(Buffer.from("not a png")).toString("base64"))).toThrow(/not a readable PNG/);
  });

  it("bitmapFromMask crops to the tight box and shifts the origin; empty masks give null", () => {
    const mask = { width: 5, height: 4, data: new Uint8Array(20) };
    mask.data[1 * 5 + 2] = 1;
    mask.data[2 * 5 + 3] = 1;
    const g = bitmapFromMask(mask, 10, 20)!;
    expect(g.origin).toEqual([12, 21]);
    const back = decodeBitmapData(g.data);
    expect([back.width, back.height, ...back.data]).toEqual([2, 2, 1, 0, 0, 1]);
    expect(bitmapFromMask({ width: 2, height: 2, data: new Uint8Array(4) })).toBeNull();
  });

  it("round-trips random masks of odd widths exactly", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (const [w, h] of [[1, 1], [7, 3], [8, 8], [9, 2], [33, 17]]) {
      const data = Uint8Array.from({ length: w * h }, () => (rnd() > 0.5 ? 1 : 0));
      const back = decodeBitmapData(encodeBitmapData({ width: w, height: h, data }));
      expect([back.width, back.height]).toEqual([w, h]);
      expect(back.data).toEqual(data);
    }
  });
});

describe("alpha mask codec (spec §4.3)", () => {
  it("encodes an 8-bit gray PNG with tRNS gray 0 and reads the matte back", () => {
    const matte = { width: 3, height: 3, data: Uint8Array.from([1, 122, 1, 1, 255, 0, 1, 1, 1]) };
    const data = encodeAlphaMaskData(matte);
    const c = chunks(inflateSync(Buffer.from(data, "base64")));
    expect([c[0].data[8], c[0].data[9]]).toEqual([8, 0]);
    expect([...c.find((x) => x.type === "tRNS")!.data]).toEqual([0, 0]);
    expect([...decodeAlphaMaskData(data).data]).toEqual([...matte.data]);
  });
});
