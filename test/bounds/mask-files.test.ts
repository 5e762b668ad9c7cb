/**
 * Issue 18: mask and image files read whole (masks and VOC mask PNGs to decode, VOC export's duplicate images to
 * compare) are refused by their size before they are read, under the file-size limit (--max-file-bytes,
 * SLYCONV_MAX_FILE_BYTES), and by the pixels their header declares before the rest is read (src/io/image-file.ts).
 * Before, only what they decode to was bounded. The limit is lowered here; mask-files.slow.test.ts has a 1.5 GB mask.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/cli.js";
import { CAN_MKFIFO, mkfifos } from "../helpers/fifo.js";
import { devkitFixture } from "../voc/fixture.js";
import { crc32, encodeGrayPng } from "../../src/codecs/png-encode.js";
import { readImageFileSync, sameFileBytes } from "../../src/io/image-file.js";
import { FileTooLargeError } from "../../src/io/regular-file.js";
import { PixelLimitError } from "../../src/limits.js";

/** The PNG at `file` made `size` bytes long by a tEXt chunk before IEND (decoders skip it). */
function padPng(file: string, size: number): void {
  const png = fs.readFileSync(file);
  const iend = png.length - 12;
  const text = Buffer.concat([Buffer.from("Comment\0"), Buffer.alloc(size - png.length - 12 - 8, "x")]);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(text.length, 0);
  head.write("tEXt", 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), text])), 0);
  fs.writeFileSync(file, Buffer.concat([png.subarray(0, iend), head, text, crc, png.subarray(iend)]));
  expect(fs.statSync(file).size).toBe(size);
}

const over = (size: number, limit: number) => `the file is ${size} bytes, over the limit of ${limit} bytes for a file read whole; ` +
  `if it is real and the machine has the memory, raise the limit with --max-file-bytes ${size} or SLYCONV_MAX_FILE_BYTES=${size}`;

describe("a mask file over the file-size limit", () => {
  it("masks import: the semantic and instance masks are refused by their size, the image kept; raised, the same import as unpadded", async () => {
    const dir = tempDir();
    const masks = path.join(dir, "masks");
    fs.cpSync(path.join(FIXTURES, "masks/generic-index"), masks, { recursive: true });
    padPng(path.join(masks, "masks/a.png"), 2000);
    padPng(path.join(masks, "instances/a.png"), 2000);
    const r = await runCli(["import", "masks", "out", "-f", "masks", "--quiet"], { cwd: dir, env: { SLYCONV_MAX_FILE_BYTES: "1000" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`masks/a.png: error cannot read the mask: ${over(2000, 1000)}; the image is kept without it [mask-unreadable]`);
    expect(r.stderr).toContain(`instances/a.png: error cannot read the mask: ${over(2000, 1000)}; the image is kept without it [mask-unreadable]`);
    const annOf = (out: string) => JSON.parse(fs.readFileSync(fs.readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith("a.png.json") && f.includes("ann")).map((f) => path.join(out, f))[0], "utf8"));
    expect(annOf(path.join(dir, "out")).objects).toEqual([]);
    const raised = await runCli(["--max-file-bytes", "2000", "import", "masks", "raised", "-f", "masks", "--quiet"], { cwd: dir });
    const plain = await runCli(["import", path.join(FIXTURES, "masks/generic-index"), path.join(dir, "plain"), "-f", "masks", "--quiet"]);
    expect(raised.code, raised.stderr).toBe(plain.code);
    expect(annOf(path.join(dir, "raised")).objects.length).toBeGreaterThan(0);
    expect(annOf(path.join(dir, "raised"))).toEqual(annOf(path.join(dir, "plain")));
  });

  it("VOC import: a class and an object mask refused by their size are skipped with a warning, the boxes kept; raised, the same import", async () => {
    const root = await devkitFixture();
    const seg = (dir: string) => path.join(root, "VOCdevkit/VOC2012", dir, "2009_000001.png");
    padPng(seg("SegmentationClass"), 6000);
    padPng(seg("SegmentationObject"), 6000);
    const out = path.join(path.dirname(root), "out");
    const r = await runCli(["import", root, out, "-f", "voc", "--quiet"], { env: { SLYCONV_MAX_FILE_BYTES: "5000" } });
    expect(r.code, r.stderr).toBe(0);
    for (const dir of ["SegmentationClass", "SegmentationObject"]) {
      expect(r.stderr).toContain(`VOCdevkit/VOC2012/${dir}/2009_000001.png: warning mask is not read (${over(6000, 5000)}); it is skipped [voc-mask-unreadable]`);
    }
    const objects = (o: string) => JSON.parse(fs.readFileSync(fs.readdirSync(o, { recursive: true }).map(String).filter((f) => f.endsWith("2009_000001.jpg.json")).map((f) => path.join(o, f))[0], "utf8")).objects as { geometryType: string; classTitle: string; points: unknown }[];
    const boxes = (o: string) => objects(o).filter((x) => x.geometryType === "rectangle");
    const raised = path.join(path.dirname(root), "raised");
    expect((await runCli(["--max-file-bytes", "6000", "import", root, raised, "-f", "voc", "--quiet"])).code).toBe(0);
    const plainRoot = await devkitFixture();
    const plain = path.join(path.dirname(plainRoot), "plain");
    expect((await runCli(["import", plainRoot, plain, "-f", "voc", "--quiet"])).code).toBe(0);
    expect(objects(raised).map((o) => o.geometryType)).toContain("bitmap");
    expect(objects(raised)).toEqual(objects(plain));
    // Without the masks: the same boxes, and nothing else.
    const shape = (o: { classTitle?: string; points?: unknown }) => ({ classTitle: o.classTitle, points: o.points });
    expect(objects(out).map(shape)).toEqual(boxes(plain).map(shape));
    expect(boxes(plain).length).toBeGreaterThan(0);
  });
});

describe("readImageFileSync and sameFileBytes", () => {
  it("refuse by size and by the header's pixels before reading the rest; read an ordinary file whole", () => {
    const dir = tempDir();
    const png = Buffer.from(encodeGrayPng(4, 3, new Uint8Array(12).fill(7)));
    fs.writeFileSync(path.join(dir, "a.png"), png);
    expect(readImageFileSync(path.join(dir, "a.png"), "the mask").equals(png)).toBe(true);
    const env = process.env.SLYCONV_MAX_FILE_BYTES;
    process.env.SLYCONV_MAX_FILE_BYTES = String(png.length - 1);
    try {
      expect(() => readImageFileSync(path.join(dir, "a.png"), "the mask")).toThrow(FileTooLargeError);
    } finally {
      if (env === undefined) delete process.env.SLYCONV_MAX_FILE_BYTES;
      else process.env.SLYCONV_MAX_FILE_BYTES = env;
    }
    // A header of 40000×40000 followed by nothing: refused from the header, by the pixel limit's message.
    const huge = Buffer.from(png.subarray(0, 33));
    huge.writeUInt32BE(40000, 16);
    huge.writeUInt32BE(40000, 20);
    fs.writeFileSync(path.join(dir, "huge.png"), huge);
    expect(() => readImageFileSync(path.join(dir, "huge.png"), "the mask")).toThrow(PixelLimitError);
    expect(() => readImageFileSync(path.join(dir, "huge.png"), "the mask")).toThrow(/^the mask is 40000×40000 \(1,600,000,000 pixels\), over the limit/);
  });

  it("sameFileBytes: same bytes, other bytes of the same size, other sizes, a missing file, a FIFO", async () => {
    const dir = tempDir();
    const file = (name: string, bytes: Buffer) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const big = Buffer.alloc(3 << 20, 1);
    const a = file("a", big), b = file("b", Buffer.from(big)), c = file("c", Buffer.concat([big.subarray(1), Buffer.from([2])])), d = file("d", big.subarray(1));
    expect(await sameFileBytes(a, b)).toBe(true);
    expect(await sameFileBytes(a, c)).toBe(false);
    expect(await sameFileBytes(a, d)).toBe(false);
    expect(await sameFileBytes(a, path.join(dir, "missing"))).toBe(false);
    expect(await sameFileBytes(file("e", Buffer.alloc(0)), file("f", Buffer.alloc(0)))).toBe(true);
    if (CAN_MKFIFO) {
      mkfifos([path.join(dir, "pipe")]);
      expect(await sameFileBytes(a, path.join(dir, "pipe"))).toBe(false);
    }
  });
});
