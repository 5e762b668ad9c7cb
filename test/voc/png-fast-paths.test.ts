/**
 * The fast decoders (src/codecs/png-indexed.ts, and decodeBitmapData's index path built on it) must agree with
 * pngjs (png-decode.ts) on every layout they accept, and decline the others.
 */
import { describe, expect, it } from "vitest";
import { deflateSync } from "node:zlib";
import pngjs from "pngjs";
import sharp from "sharp";
import { decodeIndexedPng } from "../../src/codecs/png-indexed.js";
import { decodeBitmapData, encodeBitmapData, encodeAlphaMaskData } from "../../src/codecs/bitmap.js";
import { decodePng, looksLikePng } from "../../src/codecs/png-decode.js";
import { inflateSync } from "node:zlib";

/** Spec §4.2 applied to pngjs's RGBA output: the reference the index path must match. */
function decodeBitmapViaPngjs(s: string) {
  const raw = Buffer.from(s, "base64");
  const { width, height, rgba, hasAlpha } = decodePng(looksLikePng(raw) ? raw : inflateSync(raw));
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = hasAlpha ? (rgba[i * 4 + 3] > 0 ? 1 : 0) : rgba[i * 4] | rgba[i * 4 + 1] | rgba[i * 4 + 2] ? 1 : 0;
  return { width, height, data };
}
import { encodePalettePng, encodePng } from "../../src/codecs/png-encode.js";
import { VOC_COLORMAP } from "../../formats/voc/palette.js";

function pattern(w: number, h: number, mod: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) out[i] = ((i * 7) ^ (i >> 3)) % mod;
  return out;
}

describe("decodeIndexedPng", () => {
  it("reads 8-bit gray written by pngjs with each filter type exactly as pngjs does", () => {
    const w = 37, h = 11, values = pattern(w, h, 256);
    const rgba = Buffer.alloc(w * h * 4);
    values.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
    for (const filterType of [0, 1, 2, 3, 4, -1]) {
      const png = pngjs.PNG.sync.write(Object.assign(new pngjs.PNG({ width: w, height: h }), { data: rgba }), { colorType: 0, inputColorType: 6, filterType });
      const fast = decodeIndexedPng(png)!;
      expect(fast.colorType, `filter ${filterType}`).toBe(0);
      const slow = decodePng(png);
      expect([...fast.pixels], `filter ${filterType}`).toEqual([...values]);
      expect([...fast.pixels]).toEqual([...slow.rgba].filter((_, i) => i % 4 === 0));
    }
  });

  it("reads 8-bit palette PNGs (ours and libpng's via sharp) with their palette", async () => {
    const w = 23, h = 9, values = pattern(w, h, 21);
    const ours = decodeIndexedPng(encodePalettePng(w, h, values, VOC_COLORMAP))!;
    expect([...ours.pixels]).toEqual([...values]);
    expect(ours.palette!.length).toBe(256);
    expect(ours.palette![15]).toEqual([192, 128, 128]);
    const rgb = Buffer.alloc(w * h * 3);
    values.forEach((v, i) => rgb.set(VOC_COLORMAP[v], i * 3));
    const viaSharp = await sharp(rgb, { raw: { width: w, height: h, channels: 3 } }).png({ palette: true, colours: 32, dither: 0 }).toBuffer();
    const fast = decodeIndexedPng(viaSharp);
    const slow = decodePng(viaSharp);
    if (fast) {
      for (let i = 0; i < w * h; i++) expect(fast.palette![fast.pixels[i]]).toEqual([...slow.rgba.subarray(i * 4, i * 4 + 3)]);
    } else {
      expect(slow.colorType).not.toBe(3); // sharp chose another layout: the fast path rightly declines it
    }
  });

  it("unpacks 2- and 4-bit palette rows written by libpng (sharp)", async () => {
    const w = 29, h = 5;
    for (const [bitdepth, colours] of [[2, 4], [4, 16]] as const) {
      const values = pattern(w, h, colours);
      const rgb = Buffer.alloc(w * h * 3);
      values.forEach((v, i) => rgb.set([v * 16, 255 - v * 16, 7], i * 3));
      const png = await sharp(rgb, { raw: { width: w, height: h, channels: 3 } }).png({ palette: true, colours, bitdepth, dither: 0 }).toBuffer();
      const fast = decodeIndexedPng(png)!;
      expect(fast.bitDepth).toBe(bitdepth);
      const slow = decodePng(png);
      for (let i = 0; i < w * h; i++) expect(fast.palette![fast.pixels[i]]).toEqual([...slow.rgba.subarray(i * 4, i * 4 + 3)]);
    }
  });

  it("unpacks 1-bit rows and declines RGB, alpha and 16-bit layouts", async () => {
    const w = 13, h = 3, bits = pattern(w, h, 2);
    const png = encodePng({ width: w, height: h, bitDepth: 1, colorType: 3, palette: [[0, 0, 0], [255, 255, 255]] }, bits);
    expect([...decodeIndexedPng(png)!.pixels]).toEqual([...bits]);
    const rgb = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#123456" } }).png().toBuffer();
    expect(decodeIndexedPng(rgb)).toBeNull();
    const rgba = await sharp({ create: { width: 4, height: 4, channels: 4, background: "#12345678" } }).png().toBuffer();
    expect(decodeIndexedPng(rgba)).toBeNull();
    expect(() => decodeIndexedPng(Buffer.from("not a png at all, clearly not one"))).toThrow(/bad signature/);
  });
});

describe("decodeBitmapData index path", () => {
  it("agrees with pngjs on Supervisely bitmaps, the spec §4.1 example, plain base64 PNGs and gray mattes", () => {
    const mask = { width: 19, height: 7, data: pattern(19, 7, 2) };
    const samples = [
      encodeBitmapData(mask),
      // Spec §4.1: 3×3 [[1,1,1],[1,0,0],[1,1,1]] from the Supervisely docs.
      "eJzrDPBz5+WS4mJgYOD19HAJAtLMIMwIInOeqf8BUmwBPiGuQPr///9Lb86/C2QxlgT5BTM4PLuRBuTwebo4hlTMSa44cOHAB6DqY0yORgq8YkAZBk9XP5d1TglNANAFGzA=",
      // Plain base64 PNG (labeling-tool brush strokes, spec §4.2).
      encodePng({ width: 19, height: 7, bitDepth: 1, colorType: 3, palette: [[0, 0, 0], [255, 255, 255]], transparency: Uint8Array.of(0) }, mask.data).toString("base64"),
      // 8-bit gray without tRNS: any value > 0 is on.
      deflateSync(encodePng({ width: 19, height: 7, bitDepth: 8, colorType: 0 }, pattern(19, 7, 5))).toString("base64"),
      // 8-bit gray with tRNS gray 0 (the alpha-mask layout).
      encodeAlphaMaskData({ width: 19, height: 7, data: pattern(19, 7, 4) }),
      // Palette without tRNS: black entries are off.
      deflateSync(encodePng({ width: 19, height: 7, bitDepth: 8, colorType: 3, palette: [[0, 0, 0], [0, 0, 9], [0, 0, 0]] }, pattern(19, 7, 3))).toString("base64"),
    ];
    for (const s of samples) {
      const fast = decodeBitmapData(s), slow = decodeBitmapViaPngjs(s);
      expect([fast.width, fast.height]).toEqual([slow.width, slow.height]);
      expect([...fast.data]).toEqual([...slow.data]);
    }
    expect([...decodeBitmapData(samples[1]).data]).toEqual([1, 1, 1, 1, 0, 0, 1, 1, 1]);
  });

  it("gives the precise error for broken data", () => {
    expect(() => decodeBitmapData("@@@")).toThrow(/not base64/);
  });
});
