/**
 * Issue 18 point 5: a FIFO (named pipe) as `ann/*.json` or `meta.json`, directly or through a symlink, used to block
 * import and validate forever (opening a FIFO for reading waits for a writer). Every reader opens files through
 * src/io/regular-file.ts: O_NONBLOCK, then fstat, and only regular files are read. The CLI runs inside the test
 * process; a guard thread (test/helpers/fifo.ts) hands any reader blocked on one of these FIFOs an empty file, so a
 * regression fails on the messages asserted here instead of hanging the suite. `npm run test:slow` runs the same
 * cases with the CLI as a child process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { CAN_MKFIFO, FifoGuard, mkfifos } from "../helpers/fifo.js";
import { FIXTURES, listFiles, tempDir } from "../helpers/paths.js";
import { NotRegularFileError, readRegularFile, readRegularFileSync } from "../../src/io/regular-file.js";

const run = (args: string[]) => runCli(args);

/** The inputs of every case below, built once: their FIFOs are made in one mkfifo call and guarded by one thread. */
const root = CAN_MKFIFO ? tempDir() : "";
const fifos: string[] = [];
const fifoAt = (p: string) => {
  fs.rmSync(p, { force: true });
  fifos.push(p);
  return p;
};
const copyOf = (fixture: string, to: string) => {
  fs.cpSync(path.join(FIXTURES, fixture), to, { recursive: true });
  return to;
};

/** The canonical fixture project, with `replace` (relative path) turned into a FIFO or a symlink to one. */
function projectWithFifo(name: string, replace: string, viaSymlink: boolean): string {
  const dir = path.join(root, name);
  const project = copyOf("supervisely/canonical", path.join(dir, "project"));
  const target = path.join(project, replace);
  if (viaSymlink) {
    fs.rmSync(target, { force: true });
    fs.symlinkSync(fifoAt(path.join(dir, "pipe")), target);
  } else fifoAt(target);
  return project;
}

const inputs = CAN_MKFIFO ? (() => {
  const supervisely = (replace: string, viaSymlink: boolean) => projectWithFifo(`${replace.replace(/\W/g, "_")}-${viaSymlink}`, replace, viaSymlink);

  const yolo = copyOf("yolo/detect", path.join(root, "yolo/in"));
  fs.rmSync(path.join(yolo, "data.yaml"));
  fs.symlinkSync(fifoAt(path.join(root, "yolo/pipe")), path.join(yolo, "data.yaml"));
  fifoAt(path.join(yolo, "labels/train/b.txt"));

  const coco = copyOf("coco/full", path.join(root, "coco/in"));
  fifoAt(path.join(coco, "annotations/instances_zz.json"));
  fifoAt(path.join(coco, "val/a.png"));
  fs.symlinkSync("/dev/zero", path.join(coco, "val/c.png")); // c.png is listed, and was missing

  const voc = copyOf("voc/devkit", path.join(root, "voc/in"));
  const vocRoot = path.join(voc, "VOCdevkit/VOC2012");
  fs.mkdirSync(path.join(vocRoot, "JPEGImages"));
  fs.mkdirSync(path.join(vocRoot, "SegmentationClass"));
  for (const f of ["Annotations/zz.xml", "JPEGImages/2009_000001.jpg", "SegmentationClass/2009_000002.png", "ImageSets/Main/val.txt"]) fifoAt(path.join(vocRoot, f));

  const masks = copyOf("masks/generic-index", path.join(root, "masks/in"));
  for (const f of ["images/c.png", "masks/b.png", "classes.txt"]) fifoAt(path.join(masks, f));

  // A folder whose one list is a FIFO; a folder with the real list and a FIFO beside it.
  const fifoList = path.join(root, "links-fifo/in");
  fs.mkdirSync(fifoList, { recursive: true });
  fifoAt(path.join(fifoList, "list.csv"));
  const listBeside = copyOf("links/csv", path.join(root, "links-beside/in"));
  fifoAt(path.join(listBeside, "more.txt"));

  // The same fixtures without the files made FIFOs above (each in a folder of the same name: the masks reader names
  // its dataset after it): what the imports that skip those FIFOs must write.
  const without = (fixture: string, name: string, files: string[]) => {
    const dir = copyOf(fixture, path.join(root, `${name}-without`, "in"));
    for (const f of files) fs.rmSync(path.join(dir, f));
    return dir;
  };
  const absent = {
    yolo: without("yolo/detect", "yolo", ["data.yaml", "labels/train/b.txt"]),
    coco: without("coco/full", "coco", ["val/a.png"]),
    voc: without("voc/devkit", "voc", ["VOCdevkit/VOC2012/ImageSets/Main/val.txt"]),
    masks: without("masks/generic-index", "masks", ["images/c.png", "masks/b.png", "classes.txt"]),
  };

  const pipe = fifoAt(path.join(root, "pipe"));
  const made = {
    annFifo: supervisely("ds1/ann/zz.png.json", false), annLink: supervisely("ds1/ann/zz.png.json", true),
    metaFifo: supervisely("meta.json", false), metaLink: supervisely("meta.json", true),
    yolo, coco, voc, masks, fifoList, listBeside, pipe, absent,
  };
  mkfifos(fifos);
  return made;
})() : undefined;

const out = (input: string) => path.join(path.dirname(input), "out");

/** The CLI's warnings (the lines with " warning "), sorted. */
const warnings = (stderr: string) => stderr.split("\n").filter((l) => l.includes(" warning ")).sort();
/** The project imported from `input` (its FIFOs skipped) is, file for file, the one imported from `absent`, the input without them. */
async function expectAsIfAbsent(input: string, absent: string, format: string): Promise<void> {
  const r = await run(["import", absent, out(absent), "-f", format, "--quiet"]);
  expect(r.code, r.stderr).toBe(0);
  const files = listFiles(out(absent));
  expect(files.some((f) => f.includes("/ann/"))).toBe(true);
  expect(listFiles(out(input))).toEqual(files);
  for (const f of files) expect(fs.readFileSync(path.join(out(input), f)).equals(fs.readFileSync(path.join(out(absent), f))), f).toBe(true);
}
const skipped = (file: string, kind = "a named pipe") => `${file}: warning it is ${kind}, not a regular file, so it is not read [not-a-regular-file]`;

describe.skipIf(!CAN_MKFIFO)("a FIFO where a file is read", () => {
  let guard: FifoGuard;
  beforeAll(() => void (guard = new FifoGuard(fifos)));
  afterAll(() => guard.stop());
  const given = inputs!;

  for (const viaSymlink of [false, true]) {
    const how = viaSymlink ? "a symlink to a FIFO" : "a FIFO";
    it(`ann/zz.png.json as ${how}: import stops with file-unreadable, validate reports it; neither blocks`, async () => {
      const project = viaSymlink ? given.annLink : given.annFifo;
      const imp = await run(["import", project, out(project), "-f", "supervisely", "--quiet"]);
      expect(imp.code).toBe(1);
      expect(imp.stderr).toBe("slyconv: ds1/ann/zz.png.json: cannot read file (it is a named pipe, not a regular file) [file-unreadable]\n");
      expect(fs.existsSync(out(project))).toBe(false);
      const val = await run(["validate", project, "--quiet"]);
      expect(val.code).toBe(1);
      expect(val.stderr).toContain("ds1/ann/zz.png.json: error cannot read the file (it is a named pipe, not a regular file) [file-unreadable]");
    });

    it(`meta.json as ${how}: import and validate stop with file-unreadable, detect answers`, async () => {
      const project = viaSymlink ? given.metaLink : given.metaFifo;
      const imp = await run(["import", project, out(project), "-f", "supervisely", "--quiet"]);
      expect(imp.code).toBe(1);
      expect(imp.stderr).toBe("slyconv: meta.json: cannot read file (it is a named pipe, not a regular file) [file-unreadable]\n");
      const val = await run(["validate", project, "--quiet"]);
      expect(val.code).toBe(1);
      expect(val.stderr).toContain("meta.json: error cannot read the file (it is a named pipe, not a regular file) [file-unreadable]");
      const det = await run(["detect", project]);
      expect(det.code).toBe(0);
    });
  }

  it("YOLO: a data.yaml that is a symlink to a FIFO, and a label file that is a FIFO, are reported and not read", async () => {
    const r = await run(["import", given.yolo, out(given.yolo), "-f", "yolo", "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("data.yaml: warning it is a named pipe, not a regular file, so it is not read [not-a-regular-file]");
    expect(r.stderr).toContain("labels/train/b.txt: warning it is a named pipe, not a regular file, so it is not read [not-a-regular-file]");
    await expectAsIfAbsent(given.yolo, given.absent.yolo, "yolo");
  });

  it("COCO: a FIFO annotation file, a FIFO image and an image symlinked to a device are reported and skipped, never opened", async () => {
    const r = await run(["import", given.coco, out(given.coco), "-f", "coco", "--quiet"]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([skipped("annotations/instances_zz.json"), skipped("val/a.png"), skipped("val/c.png", "a device")]);
    await expectAsIfAbsent(given.coco, given.absent.coco, "coco");
  });

  it("VOC: FIFOs as an XML, an image, a class mask and an ImageSets list are reported and skipped", async () => {
    const r = await run(["import", given.voc, out(given.voc), "-f", "voc", "--quiet"]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual(["Annotations/zz.xml", "ImageSets/Main/val.txt", "JPEGImages/2009_000001.jpg", "SegmentationClass/2009_000002.png"]
      .map((f) => skipped(`VOCdevkit/VOC2012/${f}`)));
    await expectAsIfAbsent(given.voc, given.absent.voc, "voc");
  });

  it("masks: FIFOs as an image, a mask and the class list are reported and skipped", async () => {
    const r = await run(["import", given.masks, out(given.masks), "-f", "masks", "--quiet"]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([
      skipped("classes.txt"), skipped("images/c.png"), skipped("masks/b.png"),
      "masks/zzz.png: warning mask has no image of the same stem; skipped [mask-without-image]",
    ]);
    await expectAsIfAbsent(given.masks, given.absent.masks, "masks");
  });

  it("links: a FIFO list, given or found in a folder, is named; a FIFO beside the real list is reported", async () => {
    const list = path.join(given.fifoList, "list.csv");
    for (const input of [given.fifoList, list]) {
      const r = await run(["import", input, out(given.fifoList), "-f", "links", "--quiet"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`slyconv: ${list}: cannot read the link list (it is a named pipe, not a regular file) [file-unreadable]\n`);
    }
    const r = await run(["import", given.listBeside, out(given.listBeside), "-f", "links", "--quiet"]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual(['list.csv:4: warning name "first.jpg" is already used by line 2; this row is named "first_1.jpg" [duplicate-name]', skipped("more.txt")]);
  });

  it("readRegularFile refuses a FIFO, a socket, a device and a folder at once, and reads a regular file", async () => {
    const dir = tempDir();
    const sock = path.join(dir, "sock");
    const server = net.createServer().listen(sock);
    await new Promise((r) => server.once("listening", r));
    fs.writeFileSync(path.join(dir, "a.txt"), "abc");
    try {
      for (const [p, kind] of [[given.pipe, "a named pipe"], [sock, "a socket"], ["/dev/zero", "a device"], [dir, "a folder"]] as const) {
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
