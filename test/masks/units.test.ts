import { describe, expect, it } from "vitest";
import zlib from "node:zlib";
import pngjs from "pngjs";
import { MaskClassifier, classMapFromJson, classMapFromText, packRgb } from "../../formats/masks/class-map.js";
import { COLOUR_FLAG, MaskReadError, readMaskKeys, readBinaryMask } from "../../formats/masks/mask-png.js";
import { connectedComponents, regionsByValue } from "../../formats/masks/regions.js";
import { classFileStem, classFileStems, instanceClassOf, knownClassNames } from "../../formats/masks/names.js";
import { encodeGrayPng, encodePalettePng } from "../../src/codecs/png-encode.js";
import { SlyconvError } from "../../src/errors.js";

describe("class maps", () => {
  it("class list: line i = index i; a background-named line 0 is background", () => {
    const m = classMapFromText("_background_\r\ncat\n\ndog\n\n", "classes.txt");
    expect(m.classes.map((c) => [c.title, c.values])).toEqual([["cat", [1]], ["dog", [3]]]);
    expect(m.backgroundValues).toEqual([0]);
    const c = new MaskClassifier(m, 255);
    expect([0, 1, 2, 3, 255].map((v) => c.classify(v))).toEqual([0, 1, -1, 2, 0]);
  });

  it("class list whose line 0 is a real class (Cityscapes trainIds): index 0 is that class", () => {
    const c = new MaskClassifier(classMapFromText("road\nsidewalk\n", "classes.txt"), 255);
    expect([0, 1, 255].map((v) => c.classify(v))).toEqual([1, 2, 0]);
  });

  it("labelme labels.txt: __ignore__ first is index -1", () => {
    const m = classMapFromText("__ignore__\n_background_\naeroplane\n", "labels.txt");
    expect(m.classes.map((c) => [c.title, c.values])).toEqual([["aeroplane", [1]]]);
  });

  it("CVAT labelmap.txt gives colours", () => {
    const m = classMapFromText("# label:color_rgb:parts:actions\nbackground:0,0,0::\ncar:250,50,83::\nroad:128,128,128::\n", "labelmap.txt");
    expect(m.colourMode).toBe(true);
    expect(m.classes.map((c) => [c.title, c.colors])).toEqual([["car", [[250, 50, 83]]], ["road", [[128, 128, 128]]]]);
    const c = new MaskClassifier(m, 255);
    expect([packRgb([250, 50, 83]), packRgb([128, 128, 128]), 0, packRgb([1, 2, 3])].map((k) => c.classify(k))).toEqual([1, 2, 0, -1]);
  });

  it("JSON: int, list of ints, [r,g,b], #RRGGBB, __all__, and Supervisely's [i,i,i]", () => {
    const m = classMapFromJson({ a: 3, b: [4, 5], c: [10, 20, 30], d: "#0A141E", e: "__all__" }, "map.json");
    expect(m.classes.map((c) => [c.title, c.values, c.colors, c.all])).toEqual([
      ["a", [3], [], false], ["b", [4, 5], [], false], ["c", [], [[10, 20, 30]], false], ["d", [], [[10, 20, 30]], false], ["e", [], [], true],
    ]);
    const machine = classMapFromJson({ person: [1, 1, 1] }, "obj_class_to_machine_color.json");
    expect([machine.colourMode, machine.classes[0].values, machine.classes[0].displayColor]).toEqual([false, [1], undefined]);
    const all = new MaskClassifier(classMapFromJson({ thing: "__all__" }, "m.json"), 255);
    expect([0, 7, 200, 255].map((v) => all.classify(v))).toEqual([0, 1, 1, 0]);
  });

  it("JSON errors name the class and its pointer", () => {
    const bad = () => classMapFromJson({ ok: 1, "a/b": "red" }, "map.json");
    expect(bad).toThrow(SlyconvError);
    expect(bad).toThrow('class "a/b": expected a mask value, a list of values, [r, g, b], "#RRGGBB" or "__all__"');
    try {
      bad();
    } catch (e) {
      expect((e as SlyconvError).location).toEqual({ file: "map.json", pointer: "/a~1b" });
    }
  });
});

/** A 16-bit gray PNG of one row, written by hand (pngjs writes 16-bit from little-endian input only). */
function gray16Png(values: number[]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(values.length, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 16;
  const row = Buffer.alloc(1 + values.length * 2);
  values.forEach((v, i) => row.writeUInt16BE(v, 1 + i * 2));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(row)), chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("mask PNG reading", () => {
  it("palette PNG: the index, even when two entries share a colour", () => {
    const png = encodePalettePng(3, 1, Uint8Array.of(0, 1, 2), [[0, 0, 0], [9, 9, 9], [9, 9, 9]]);
    expect([...readMaskKeys(png, "index").keys]).toEqual([0, 1, 2]);
    expect([...readMaskKeys(png, "colour").keys]).toEqual([0, packRgb([9, 9, 9]), packRgb([9, 9, 9])]);
  });

  it("16-bit gray keeps values above 255; RGB with unequal channels is flagged in index reading", () => {
    const pngBytes = gray16Png([0, 1000]);
    expect([...readMaskKeys(pngBytes, "index").keys]).toEqual([0, 1000]);
    const rgb = new pngjs.PNG({ width: 2, height: 1 });
    rgb.data = Buffer.from([7, 7, 7, 255, 1, 2, 3, 255]);
    const keys = readMaskKeys(pngjs.PNG.sync.write(rgb), "index").keys;
    expect([keys[0], keys[1]]).toEqual([7, (COLOUR_FLAG | packRgb([1, 2, 3])) >>> 0]);
  });

  it("broken files give a precise reason", () => {
    const good = encodeGrayPng(2, 2, Uint8Array.of(0, 1, 2, 3));
    const flipped = Buffer.from(good);
    flipped[43] ^= 0xff; // inside the IDAT data
    const read = (b: Buffer) => () => readMaskKeys(b, "index");
    expect(read(flipped)).toThrow(new MaskReadError("not a readable PNG (crc error in chunk IDAT)"));
    expect(read(good.subarray(0, 45))).toThrow(new MaskReadError("not a readable PNG (chunk IDAT is cut short)"));
    expect(read(Buffer.from("GIF89a........"))).toThrow(new MaskReadError("not a PNG file"));
  });

  it("instance masks: 0/1, 0/255 and palette+tRNS bitmaps are all binary", () => {
    expect([...readBinaryMask(encodeGrayPng(3, 1, Uint8Array.of(0, 1, 255))).data]).toEqual([0, 1, 1]);
  });
});

describe("regions", () => {
  const grid = Uint8Array.from([
    1, 0, 2, 2,
    0, 1, 0, 2,
  ]);
  it("one cropped mask per value", () => {
    const r = regionsByValue(grid, 4, 2);
    expect([...r.keys()]).toEqual([1, 2]);
    expect(r.get(2)).toEqual({ x: 2, y: 0, area: 3, mask: { width: 2, height: 2, data: Uint8Array.of(1, 1, 0, 1) } });
  });
  it("connected components with 8 and 4 connectivity", () => {
    const ones = regionsByValue(grid, 4, 2).get(1)!;
    expect(connectedComponents(ones, 8).map((c) => [c.x, c.y, c.area])).toEqual([[0, 0, 2]]);
    expect(connectedComponents(ones, 4).map((c) => [c.x, c.y, c.area])).toEqual([[0, 0, 1], [1, 1, 1]]);
  });
});

describe("class file names", () => {
  it("sanitises titles, keeps them unique, and reads them back", () => {
    expect(classFileStem("tv/monitor")).toBe("tv_monitor");
    const stems = classFileStems(["a/b", "a_b", "lane_2"]);
    expect([...stems.values()]).toEqual(["a_b", "a_b~2", "lane_2"]);
    const known = knownClassNames(["a/b", "a_b", "lane_2"]);
    expect(["a_b_1", "a_b~2_3", "lane_2_1", "lane_2", "new_7", "plain"].map((s) => instanceClassOf(s, known))).toEqual(["a/b", "a_b", "lane_2", "lane_2", "new", "plain"]);
  });
});
