/**
 * Issue 18 point 5: a FIFO (named pipe) as `ann/*.json` or `meta.json`, directly or through a symlink, used to block
 * import and validate forever (opening a FIFO for reading waits for a writer). Every reader opens files through
 * src/io/regular-file.ts: O_NONBLOCK, then fstat, and only regular files are read. Each run here is a child process
 * killed after 30 s, so a regression fails the test instead of hanging the suite.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { FIXTURES, tempDir } from "../helpers/paths.js";
import { NotRegularFileError, readRegularFile, readRegularFileSync } from "../../src/io/regular-file.js";
import { canMkfifo, mkfifo, run, superviselyFifoTests } from "./fifo-cases.js";

describe.skipIf(!canMkfifo)("a FIFO where a file is read", () => {
  // Through a symlink: fifo.slow.test.ts (a YOLO data.yaml symlinked to a FIFO is below).
  superviselyFifoTests(false);

  it("YOLO: a data.yaml that is a symlink to a FIFO, and a label file that is a FIFO, are reported and not read", () => {
    const dir = tempDir();
    const yolo = path.join(dir, "yolo");
    fs.cpSync(path.join(FIXTURES, "yolo/detect"), yolo, { recursive: true });
    fs.rmSync(path.join(yolo, "data.yaml"));
    mkfifo(path.join(dir, "pipe"));
    fs.symlinkSync(path.join(dir, "pipe"), path.join(yolo, "data.yaml"));
    fs.rmSync(path.join(yolo, "labels/train/b.txt"));
    mkfifo(path.join(yolo, "labels/train/b.txt"));
    const r = run(["import", yolo, path.join(dir, "out"), "-f", "yolo", "--quiet"]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("data.yaml: warning it is a named pipe, not a regular file, so it is not read [not-a-regular-file]");
    expect(r.stderr).toContain("labels/train/b.txt: warning it is a named pipe, not a regular file, so it is not read [not-a-regular-file]");
  }, 120_000);

  /** The CLI's warnings (the lines with " warning "), sorted. */
  const warnings = (stderr: string) => stderr.split("\n").filter((l) => l.includes(" warning ")).sort();
  const skipped = (file: string, kind = "a named pipe") => `${file}: warning it is ${kind}, not a regular file, so it is not read [not-a-regular-file]`;

  it("COCO: a FIFO annotation file, a FIFO image and an image symlinked to a device are reported and skipped, never opened", () => {
    const dir = tempDir();
    const coco = path.join(dir, "coco");
    fs.cpSync(path.join(FIXTURES, "coco/full"), coco, { recursive: true });
    mkfifo(path.join(coco, "annotations/instances_zz.json"));
    fs.rmSync(path.join(coco, "val/a.png"));
    mkfifo(path.join(coco, "val/a.png"));
    fs.symlinkSync("/dev/zero", path.join(coco, "val/c.png")); // c.png is listed, and was missing
    const r = run(["import", coco, path.join(dir, "out"), "-f", "coco", "--quiet"]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([skipped("annotations/instances_zz.json"), skipped("val/a.png"), skipped("val/c.png", "a device")]);
  }, 120_000);

  it("VOC: FIFOs as an XML, an image, a class mask and an ImageSets list are reported and skipped", () => {
    const dir = tempDir();
    const voc = path.join(dir, "voc");
    fs.cpSync(path.join(FIXTURES, "voc/devkit"), voc, { recursive: true });
    const root = path.join(voc, "VOCdevkit/VOC2012");
    fs.mkdirSync(path.join(root, "JPEGImages"));
    fs.mkdirSync(path.join(root, "SegmentationClass"));
    mkfifo(path.join(root, "Annotations/zz.xml"));
    mkfifo(path.join(root, "JPEGImages/2009_000001.jpg"));
    mkfifo(path.join(root, "SegmentationClass/2009_000002.png"));
    fs.rmSync(path.join(root, "ImageSets/Main/val.txt"));
    mkfifo(path.join(root, "ImageSets/Main/val.txt"));
    const r = run(["import", voc, path.join(dir, "out"), "-f", "voc", "--quiet"]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual(["Annotations/zz.xml", "ImageSets/Main/val.txt", "JPEGImages/2009_000001.jpg", "SegmentationClass/2009_000002.png"]
      .map((f) => skipped(`VOCdevkit/VOC2012/${f}`)));
  }, 120_000);

  it("masks: FIFOs as an image, a mask and the class list are reported and skipped", () => {
    const dir = tempDir();
    const masks = path.join(dir, "masks");
    fs.cpSync(path.join(FIXTURES, "masks/generic-index"), masks, { recursive: true });
    for (const f of ["images/c.png", "masks/b.png", "classes.txt"]) {
      fs.rmSync(path.join(masks, f));
      mkfifo(path.join(masks, f));
    }
    const r = run(["import", masks, path.join(dir, "out"), "-f", "masks", "--quiet"]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([
      skipped("classes.txt"), skipped("images/c.png"), skipped("masks/b.png"),
      "masks/zzz.png: warning mask has no image of the same stem; skipped [mask-without-image]",
    ]);
  }, 120_000);

  it("links: a FIFO list, given or found in a folder, is named; a FIFO beside the real list is reported", () => {
    const dir = tempDir();
    const links = path.join(dir, "links");
    fs.mkdirSync(links);
    mkfifo(path.join(links, "list.csv"));
    for (const input of [links, path.join(links, "list.csv")]) {
      const r = run(["import", input, path.join(dir, "out"), "-f", "links", "--quiet"]);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`slyconv: ${path.join(links, "list.csv")}: cannot read the link list (it is a named pipe, not a regular file) [file-unreadable]\n`);
    }
    fs.rmSync(path.join(links, "list.csv"));
    fs.cpSync(path.join(FIXTURES, "links/csv/list.csv"), path.join(links, "list.csv"));
    mkfifo(path.join(links, "more.txt"));
    const r = run(["import", links, path.join(dir, "out"), "-f", "links", "--quiet"]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual(['list.csv:4: warning name "first.jpg" is already used by line 2; this row is named "first_1.jpg" [duplicate-name]', skipped("more.txt")]);
  }, 120_000);

  it("readRegularFile refuses a FIFO, a socket, a device and a folder at once, and reads a regular file", async () => {
    const dir = tempDir();
    const pipe = path.join(dir, "pipe");
    mkfifo(pipe);
    const sock = path.join(dir, "sock");
    const server = net.createServer().listen(sock);
    await new Promise((r) => server.once("listening", r));
    fs.writeFileSync(path.join(dir, "a.txt"), "abc");
    try {
      for (const [p, kind] of [[pipe, "a named pipe"], [sock, "a socket"], ["/dev/zero", "a device"], [dir, "a folder"]] as const) {
        if (p === sock) {
          // A socket cannot be opened at all (ENXIO): refused by the open, not the fstat.
          await expect(readRegularFile(p)).rejects.toMatchObject({ code: "ENXIO" });
          continue;
        }
        if (p !== dir) {
          await expect(readRegularFile(p)).rejects.toThrow(new NotRegularFileError(p, kind));
          expect(() => readRegularFileSync(p)).toThrow(`it is ${kind}, not a regular file`);
        } else {
          // A folder can be opened read-only on Linux, and is then refused like the others.
          await expect(readRegularFile(p)).rejects.toThrow(/it is a folder, not a regular file|EISDIR/);
        }
      }
      expect(await readRegularFile(path.join(dir, "a.txt"), "utf8")).toBe("abc");
      expect(readRegularFileSync(path.join(dir, "a.txt")).toString()).toBe("abc");
    } finally {
      server.close();
    }
  });
});
