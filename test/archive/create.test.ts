import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import yauzl from "yauzl";
import * as tar from "tar";
import { archiveOutputPath, writeArchive, writeArchiveFrom } from "../../src/io/archive-create.js";
import { extractArchive } from "../../src/io/archive-extract.js";
import { UsageError } from "../../src/errors.js";
import { diffTrees, listFiles, tempDir } from "../helpers/paths.js";

/** A small tree with nesting, an empty folder, names that sort differently by locale and by code unit. */
function sampleTree(): string {
  const dir = tempDir("slyconv-src-");
  const files: Record<string, string | Buffer> = {
    "meta.json": '{"classes":[]}',
    "ds1/ann/b.png.json": "{}",
    "ds1/ann/a.png.json": "{}",
    "ds1/ann/B.png.json": "{}",
    "ds1/img/a.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
    "ds 2 (copy)/img/é.png": Buffer.from([1, 2, 3]),
  };
  for (const [name, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
  fs.mkdirSync(path.join(dir, "ds1/empty"));
  return dir;
}

const EXPECTED_ORDER = [
  "ds 2 (copy)/", "ds 2 (copy)/img/", "ds 2 (copy)/img/é.png",
  "ds1/", "ds1/ann/", "ds1/ann/B.png.json", "ds1/ann/a.png.json", "ds1/ann/b.png.json", "ds1/empty/", "ds1/img/", "ds1/img/a.png",
  "meta.json",
];

async function zipEntries(file: string): Promise<yauzl.Entry[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: yauzl.Entry[] = [];
  for await (const e of zip.eachEntry()) out.push(e);
  zip.close();
  return out;
}

async function tarEntries(file: string): Promise<{ path: string; type: string; mtime?: Date }[]> {
  const out: { path: string; type: string; mtime?: Date }[] = [];
  await tar.t({ file, onReadEntry: (e) => out.push({ path: e.path, type: e.type, mtime: e.mtime }) });
  return out;
}

describe("archiveOutputPath", () => {
  it("keeps a matching extension, adds a missing one, refuses a contradicting one", () => {
    expect(archiveOutputPath("out/coco.zip", "zip")).toBe("out/coco.zip");
    expect(archiveOutputPath("out/coco.ZIP", "zip")).toBe("out/coco.ZIP");
    expect(archiveOutputPath("out/coco", "zip")).toBe("out/coco.zip");
    expect(archiveOutputPath("out/coco/", "zip")).toBe("out/coco.zip");
    expect(archiveOutputPath("out/coco", "tar.gz")).toBe("out/coco.tar.gz");
    expect(archiveOutputPath("out/coco.tgz", "tar.gz")).toBe("out/coco.tgz");
    expect(archiveOutputPath("out/v1.2", "tar.gz")).toBe("out/v1.2.tar.gz");
    expect(() => archiveOutputPath("out/coco.tar.gz", "zip")).toThrow(UsageError);
    expect(() => archiveOutputPath("out/coco.zip", "tar.gz")).toThrow(/names a zip archive but the archive type is tar\.gz/);
    expect(() => archiveOutputPath("out/coco.tar", "tar.gz")).toThrow(UsageError);
    expect(() => archiveOutputPath("out/coco", "rar" as never)).toThrow(/unknown archive type "rar"/);
  });
});

describe("writeArchive", () => {
  afterEach(() => {
    delete process.env.SOURCE_DATE_EPOCH;
  });

  it("zip: entries relative to the folder, folders first, names sorted by code unit", async () => {
    const src = sampleTree();
    const file = path.join(tempDir(), "out.zip");
    const r = await writeArchive(src, file, "zip");
    const entries = await zipEntries(file);
    expect(entries.map((e) => e.fileName)).toEqual(EXPECTED_ORDER);
    expect(r.entries).toBe(EXPECTED_ORDER.length);
    expect(r.bytes).toBe(fs.statSync(file).size);
    const dest = path.join(tempDir(), "x");
    await extractArchive(file, dest);
    expect(diffTrees(src, dest)).toEqual([]);
    expect(fs.statSync(path.join(dest, "ds1/empty")).isDirectory()).toBe(true);
  });

  it("tar.gz: the same order, gzip-compressed, extracting to the same tree", async () => {
    const src = sampleTree();
    const file = path.join(tempDir(), "out.tar.gz");
    await writeArchive(src, file, "tar.gz");
    const head = fs.readFileSync(file).subarray(0, 2);
    expect([...head]).toEqual([0x1f, 0x8b]);
    const entries = await tarEntries(file);
    expect(entries.map((e) => e.path)).toEqual(EXPECTED_ORDER);
    expect(entries.filter((e) => e.type === "Directory").length).toBe(6);
    const dest = path.join(tempDir(), "x");
    await extractArchive(file, dest);
    expect(diffTrees(src, dest)).toEqual([]);
  });

  it("is deterministic: the same folder gives the same bytes, and SOURCE_DATE_EPOCH pins the dates", async () => {
    const src = sampleTree();
    for (const format of ["zip", "tar.gz"] as const) {
      const ext = format === "zip" ? ".zip" : ".tar.gz";
      const a = path.join(tempDir(), "a" + ext);
      const b = path.join(tempDir(), "b" + ext);
      await writeArchive(src, a, format);
      await writeArchive(src, b, format);
      expect(fs.readFileSync(a).equals(fs.readFileSync(b)), format).toBe(true);
    }
    process.env.SOURCE_DATE_EPOCH = "1700000000";
    const pinned = path.join(tempDir(), "p.tar.gz");
    await writeArchive(src, pinned, "tar.gz");
    expect(new Set((await tarEntries(pinned)).map((e) => e.mtime?.getTime()))).toEqual(new Set([1700000000 * 1000]));
  });

  it("stores what a symlink points to, as a regular file", async () => {
    const src = tempDir();
    const outside = path.join(tempDir(), "real.png");
    fs.writeFileSync(outside, "PNGDATA");
    fs.mkdirSync(path.join(src, "img"));
    fs.symlinkSync(outside, path.join(src, "img/linked.png"));
    const file = path.join(tempDir(), "out.zip");
    await writeArchive(src, file, "zip");
    const [, linked] = await zipEntries(file);
    expect(linked.fileName).toBe("img/linked.png");
    expect((linked.externalFileAttributes >>> 16) & 0o170000).toBe(0o100000);
    const dest = path.join(tempDir(), "x");
    await extractArchive(file, dest);
    expect(fs.readFileSync(path.join(dest, "img/linked.png"), "utf8")).toBe("PNGDATA");
  });

  it("refuses a folder linked into itself, and never overwrites an existing file", async () => {
    const src = tempDir();
    fs.mkdirSync(path.join(src, "a"));
    fs.symlinkSync(src, path.join(src, "a/loop"));
    await expect(writeArchive(src, path.join(tempDir(), "loop.zip"), "zip")).rejects.toThrow(/linked into itself/);
    const existing = path.join(tempDir(), "there.zip");
    fs.writeFileSync(existing, "keep");
    await expect(writeArchive(sampleTree(), existing, "zip")).rejects.toThrow(/EEXIST/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep");
  });
});

describe("writeArchiveFrom", () => {
  it("stages beside the output under safe-output's temporary name, and removes the stage either way", async () => {
    const parent = tempDir();
    const out = path.join(parent, "export.zip");
    let stage = "";
    await writeArchiveFrom(out, "zip", async (dir) => {
      stage = dir;
      fs.writeFileSync(path.join(dir, "a.txt"), "A");
    });
    expect(path.dirname(stage)).toBe(parent);
    expect(path.basename(stage)).toMatch(new RegExp(`^\\.export\\.zip\\.slyconv-tmp-${process.pid}-[0-9a-f]+$`));
    expect(listFiles(parent)).toEqual(["export.zip"]);
    expect(fs.readdirSync(parent)).toEqual(["export.zip"]);

    const failing = path.join(parent, "failing.zip");
    await expect(writeArchiveFrom(failing, "zip", async (dir) => {
      fs.writeFileSync(path.join(dir, "partial.txt"), "x");
      throw new Error("writer failed");
    })).rejects.toThrow("writer failed");
    expect(fs.readdirSync(parent)).toEqual(["export.zip"]);
  });
});
