import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ZipArchive } from "archiver";
import * as tar from "tar";
import { archiveContentRoot, archiveKindOf, extractArchive, extractToScratch, isArchivePath, parseByteSize } from "../../src/io/archive-extract.js";
import { SlyconvError, UsageError } from "../../src/errors.js";
import { Report } from "../../src/report.js";
import { REAL_DATA_SKIP_MESSAGE, expectedFacts, listFiles, realData, tempDir } from "../helpers/paths.js";
import { craftTar, craftZip, type TarSpec, type ZipSpec } from "./craft.js";

/** A sandbox: archives are extracted into <root>/a/b/dest, so "../" and "../../" still land inside <root>. */
function sandbox() {
  const root = tempDir("slyconv-archive-");
  const dest = path.join(root, "a", "b", "dest");
  fs.mkdirSync(path.join(root, "a", "outside"), { recursive: true });
  return { root, dest };
}

function write(file: string, data: Buffer): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
}

/** Every path under dir (files, folders and links), relative. */
function listAll(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      out.push(path.relative(dir, p) + (e.isSymbolicLink() ? " (link)" : e.isDirectory() ? "/" : ""));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

async function refusal(p: Promise<unknown>): Promise<SlyconvError> {
  const e = await p.then(() => null, (err) => err);
  expect(e, "expected the extraction to be refused").toBeInstanceOf(SlyconvError);
  return e as SlyconvError;
}

async function buildZipWithArchiver(file: string, add: (a: ZipArchive) => void): Promise<void> {
  const archive = new ZipArchive();
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on("close", resolve);
    archive.on("error", reject);
  });
  archive.pipe(out);
  add(archive);
  await archive.finalize();
  await done;
}

describe("isArchivePath / archiveKindOf", () => {
  it("knows archives by extension, case-insensitively", () => {
    expect(archiveKindOf("x/Yolo (1).zip")).toBe("zip");
    expect(archiveKindOf("DATA.ZIP")).toBe("zip");
    expect(archiveKindOf("a.tar")).toBe("tar");
    expect(archiveKindOf("a.tar.gz")).toBe("tar.gz");
    expect(archiveKindOf("a.TGZ")).toBe("tar.gz");
    expect(isArchivePath("a.gz")).toBe(false);
    expect(isArchivePath("annotations.json")).toBe(false);
    expect(isArchivePath("zip")).toBe(false);
  });

  it("parses size limits with binary suffixes", () => {
    expect(parseByteSize("1000")).toBe(1000);
    expect(parseByteSize("512M")).toBe(512 * 1024 ** 2);
    expect(parseByteSize("20G")).toBe(20 * 1024 ** 3);
    expect(parseByteSize("1.5k")).toBe(1536);
    expect(parseByteSize("20GiB")).toBe(20 * 1024 ** 3);
    expect(parseByteSize("lots")).toBeNull();
  });
});

describe("extracting well-formed archives", () => {
  it("extracts a zip made by archiver: nested folders, an empty folder, odd but legal names", async () => {
    const { root, dest } = sandbox();
    const zip = path.join(root, "Data set (1).zip");
    await buildZipWithArchiver(zip, (a) => {
      a.append("{}", { name: "ds 1/ann/img (1).png.json" });
      a.append(Buffer.from([1, 2, 3]), { name: "ds 1/img/img (1).png" });
      a.append("ünïcödé", { name: "ds 1/名前.txt" });
      a.append(Buffer.alloc(0), { name: "empty/", type: "directory" });
      a.append("x".repeat(100_000), { name: "big.txt" });
    });
    const r = await extractArchive(zip, dest);
    expect(listAll(dest)).toEqual(["big.txt", "ds 1/", "ds 1/ann/", "ds 1/ann/img (1).png.json", "ds 1/img/", "ds 1/img/img (1).png", "ds 1/名前.txt", "empty/"]);
    expect(fs.readFileSync(path.join(dest, "ds 1/img/img (1).png"))).toEqual(Buffer.from([1, 2, 3]));
    expect(fs.readFileSync(path.join(dest, "ds 1/名前.txt"), "utf8")).toBe("ünïcödé");
    expect(fs.readFileSync(path.join(dest, "big.txt"), "utf8")).toBe("x".repeat(100_000));
    expect(r).toEqual({ entries: 5, bytes: 2 + 3 + Buffer.byteLength("ünïcödé") + 100_000, skipped: [] });
  });

  for (const gzip of [false, true]) {
    it(`extracts a ${gzip ? "tar.gz" : "tar"} made by node-tar, including a file larger than one read chunk`, async () => {
      const { root, dest } = sandbox();
      const src = path.join(root, "src");
      const big = randomBytes(3 * 1024 * 1024);
      write(path.join(src, "ds1/img/a.png"), big);
      write(path.join(src, "ds1/ann/a.png.json"), Buffer.from('{"size":{}}'));
      write(path.join(src, "meta.json"), Buffer.from("{}"));
      fs.mkdirSync(path.join(src, "ds1/empty"));
      const file = path.join(root, gzip ? "p.tar.gz" : "p.tar");
      await tar.c({ gzip, file, cwd: src, portable: true }, ["meta.json", "ds1"]);
      const r = await extractArchive(file, dest);
      expect(listFiles(dest)).toEqual(["ds1/ann/a.png.json", "ds1/img/a.png", "meta.json"]);
      expect(fs.readFileSync(path.join(dest, "ds1/img/a.png")).equals(big)).toBe(true);
      expect(fs.statSync(path.join(dest, "ds1/empty")).isDirectory()).toBe(true);
      expect(r.bytes).toBe(big.length + 11 + 2);
      expect(r.entries).toBe(7); // meta.json, ds1/, ds1/ann/, ds1/ann/a.png.json, ds1/empty/, ds1/img/, ds1/img/a.png
    });
  }

  it("reads names with './' prefixes and CP437 zip names (no UTF-8 flag)", async () => {
    const { root, dest } = sandbox();
    const zip = write(path.join(root, "x.zip"), craftZip([
      { name: "./a/./b.txt", data: "b" },
      { name: Buffer.from([0x63, 0x61, 0x66, 0x82, 0x2e, 0x74, 0x78, 0x74]), data: "cp437" }, // "café.txt" in CP437
    ]));
    await extractArchive(zip, dest);
    expect(listFiles(dest)).toEqual(["a/b.txt", "café.txt"]);
  });

  it("treats a gzipped .tar (or a plain .tar.gz) by its content, not its name", async () => {
    const { root, dest } = sandbox();
    const file = write(path.join(root, "really-gzipped.tar"), craftTar([{ path: "a.txt", data: "A" }], { gzip: true }));
    await extractArchive(file, dest);
    expect(fs.readFileSync(path.join(dest, "a.txt"), "utf8")).toBe("A");
  });

  it("refuses a destination that is not empty, and a path that is not an archive", async () => {
    const { root, dest } = sandbox();
    write(path.join(dest, "already.txt"), Buffer.from("x"));
    const zip = write(path.join(root, "x.zip"), craftZip([{ name: "a.txt", data: "a" }]));
    await expect(extractArchive(zip, dest)).rejects.toBeInstanceOf(UsageError);
    await expect(extractArchive(path.join(root, "x.rar"), path.join(root, "d2"))).rejects.toThrow(/not a \.zip, \.tar/);
  });
});

describe("hostile entry names never write outside the extraction folder", () => {
  const absName = `/slyconv-abs-${randomBytes(6).toString("hex")}.txt`;
  const hostileNames: [string, string | Buffer, RegExp][] = [
    ["parent climb", "../evil.txt", /climbs out with '\.\.'/],
    ["deep parent climb", "ok/../../../evil.txt", /climbs out with '\.\.'/],
    ["backslash climb", "ok\\..\\..\\evil.txt", /climbs out with '\.\.'/],
    ["absolute path", absName, /absolute path/],
    ["Windows drive letter", "C:/evil.txt", /drive letter/],
    ["Windows drive-relative", "C:evil.txt", /drive letter/],
    ["NUL byte", Buffer.from("ok.txt\0../../evil.txt", "latin1"), /NUL byte/],
  ];

  for (const [label, name, reason] of hostileNames) {
    it(`zip: ${label}`, async () => {
      const { root, dest } = sandbox();
      const zip = write(path.join(root, "evil.zip"), craftZip([{ name: "fine.txt", data: "fine" }, { name, data: "pwned" }]));
      const e = await refusal(extractArchive(zip, dest));
      expect(e.code).toBe("archive-unsafe-entry");
      expect(e.message).toMatch(reason);
      expect(e.location.file).toBe(zip);
      expect(e.describe()).toContain(zip);
      // Nothing anywhere: zip entries are all checked before the first file is written.
      expect(listFiles(root)).toEqual(["evil.zip"]);
      expect(fs.existsSync(absName)).toBe(false);
    });
  }

  const hostileTarNames: [string, TarSpec, RegExp][] = [
    ["parent climb", { path: "../evil.txt", data: "pwned" }, /climbs out/],
    ["absolute path", { path: absName, data: "pwned" }, /absolute path/],
    ["drive letter", { path: "C:\\evil.txt", data: "pwned" }, /drive letter/],
    ["climb in a PAX path", { path: "placeholder.txt", paxPath: "a/../../../evil.txt", data: "pwned" }, /climbs out/],
  ];
  for (const gzip of [false, true]) {
    for (const [label, spec, reason] of hostileTarNames) {
      it(`${gzip ? "tar.gz" : "tar"}: ${label}`, async () => {
        const { root, dest } = sandbox();
        const file = write(path.join(root, gzip ? "evil.tar.gz" : "evil.tar"), craftTar([{ path: "fine.txt", data: "fine" }, spec], { gzip }));
        const e = await refusal(extractArchive(file, dest));
        expect(e.code).toBe("archive-unsafe-entry");
        expect(e.message).toMatch(reason);
        expect(e.location.file).toBe(file);
        // fine.txt may have been written before the bad entry arrived; the folder is emptied on failure.
        expect(listFiles(root)).toEqual([path.basename(file)]);
        expect(fs.existsSync(absName)).toBe(false);
        expect(fs.existsSync(path.join(dest, "placeholder.txt"))).toBe(false);
      });
    }
  }
});

it("a name too long for the file system is refused with a clear error, not a crash", async () => {
  const { root, dest } = sandbox();
  const long = "n".repeat(300) + ".txt";
  const zip = write(path.join(root, "long.zip"), craftZip([{ name: `ok/${long}`, data: "x" }]));
  const e = await refusal(extractArchive(zip, dest));
  expect(e.code).toBe("archive-unsupported");
  expect(e.message).toBe(`cannot extract entry ${JSON.stringify(`ok/${long}`)}: its name is too long for this file system`);
  const t = write(path.join(root, "long.tar"), craftTar([{ path: "placeholder", paxPath: long, data: "x" }]));
  expect((await refusal(extractArchive(t, dest))).code).toBe("archive-unsupported");
  expect(listFiles(root)).toEqual(["long.tar", "long.zip"]);
});

it("tar: node-tar ends a PAX name at a NUL byte, so the rest of the name can never take effect", async () => {
  const { root, dest } = sandbox();
  const file = write(path.join(root, "nul.tar"), craftTar([{ path: "placeholder.txt", paxPath: "ok.txt\0../../evil.txt", data: "data" }]));
  await extractArchive(file, dest);
  expect(listFiles(root)).toEqual(["a/b/dest/ok.txt", "nul.tar"]);
});

describe("links", () => {
  it("zip: refuses a symlink to ../../etc, and nothing is written through it", async () => {
    const { root, dest } = sandbox();
    const zip = write(path.join(root, "link.zip"), craftZip([
      { name: "etc", data: "../../etc", unixMode: 0o120777 },
      { name: "etc/passwd", data: "root::0:0::/:/bin/sh\n" },
    ]));
    const before = fs.readFileSync("/etc/passwd");
    const e = await refusal(extractArchive(zip, dest));
    expect(e.code).toBe("archive-unsafe-entry");
    expect(e.message).toBe('refusing entry "etc": it is a symbolic link and its target "../../etc" points outside the archive');
    expect(listAll(path.join(root, "a"))).toEqual(["b/", "b/dest/", "outside/"]);
    expect(fs.readFileSync("/etc/passwd").equals(before)).toBe(true);
  });

  it("zip: refuses absolute symlink targets", async () => {
    const { root, dest } = sandbox();
    const zip = write(path.join(root, "link.zip"), craftZip([{ name: "x/up", data: "/etc/passwd", unixMode: 0o120777 }]));
    const e = await refusal(extractArchive(zip, dest));
    expect(e.message).toMatch(/target "\/etc\/passwd" is an absolute path/);
  });

  it("zip: skips a link that stays inside, with a warning, and extracts the rest", async () => {
    const { root, dest } = sandbox();
    const zip = write(path.join(root, "link.zip"), craftZip([
      { name: "img/real.png", data: "PNG" },
      { name: "img/alias.png", data: "real.png", unixMode: 0o120777 },
      { name: "sub/up", data: "../img", unixMode: 0o120777 },
    ]));
    const report = new Report();
    const r = await extractArchive(zip, dest, { report });
    expect(listAll(dest)).toEqual(["img/", "img/real.png"]);
    expect(r.skipped.map((s) => s.name)).toEqual(["img/alias.png", "sub/up"]);
    expect(report.countOf("archive-entry-skipped")).toBe(2);
    expect(report.findings[0].message).toContain('symbolic links are not extracted (target "real.png")');
  });

  for (const gzip of [false, true]) {
    it(`${gzip ? "tar.gz" : "tar"}: refuses a symlink to ../../etc followed by a file written through it`, async () => {
      const { root, dest } = sandbox();
      const file = write(path.join(root, "link.tar"), craftTar([
        { path: "etc", type: "SymbolicLink", linkpath: "../../etc" },
        { path: "etc/passwd", data: "root::0:0::/:/bin/sh\n" },
      ], { gzip }));
      const e = await refusal(extractArchive(file, dest));
      expect(e.code).toBe("archive-unsafe-entry");
      expect(e.message).toMatch(/symbolic link and its target "\.\.\/\.\.\/etc" points outside/);
      expect(listAll(path.join(root, "a"))).toEqual(["b/", "b/dest/", "outside/"]);
    });
  }

  it("tar: refuses a symlink into a sibling folder of the destination", async () => {
    const { root, dest } = sandbox();
    const file = write(path.join(root, "link.tar"), craftTar([
      { path: "d/out", type: "SymbolicLink", linkpath: "../../outside" },
      { path: "d/out/pwned.txt", data: "x" },
    ]));
    await refusal(extractArchive(file, dest));
    expect(fs.readdirSync(path.join(root, "a", "outside"))).toEqual([]);
  });

  it("tar: refuses hard links to absolute or escaping paths, skips the others", async () => {
    const { root, dest } = sandbox();
    const abs = write(path.join(root, "abs.tar"), craftTar([{ path: "pw", type: "Link", linkpath: "/etc/passwd" }]));
    expect((await refusal(extractArchive(abs, dest))).message).toMatch(/hard link and its target "\/etc\/passwd" is an absolute path/);
    const up = write(path.join(root, "up.tar"), craftTar([{ path: "a/b/pw", type: "Link", linkpath: "../x" }]));
    expect((await refusal(extractArchive(up, dest))).message).toMatch(/hard link and its target "\.\.\/x" points outside/);
    const inside = write(path.join(root, "in.tar"), craftTar([
      { path: "a.txt", data: "A" },
      { path: "b.txt", type: "Link", linkpath: "a.txt" },
      { path: "c.txt", type: "SymbolicLink", linkpath: "a.txt" },
    ]));
    const r = await extractArchive(inside, dest);
    expect(listAll(dest)).toEqual(["a.txt"]);
    expect(r.skipped.map((s) => s.name)).toEqual(["b.txt", "c.txt"]);
  });

  it("tar: skips devices and FIFOs with a warning", async () => {
    const { root, dest } = sandbox();
    const file = write(path.join(root, "dev.tar"), craftTar([
      { path: "null", type: "CharacterDevice", devmaj: 1, devmin: 3 },
      { path: "pipe", type: "FIFO" },
      { path: "a.txt", data: "A" },
    ]));
    const report = new Report();
    const r = await extractArchive(file, dest, { report });
    expect(listAll(dest)).toEqual(["a.txt"]);
    expect(r.skipped).toEqual([
      { name: "null", reason: "CharacterDevice entries are not extracted" },
      { name: "pipe", reason: "FIFO entries are not extracted" },
    ]);
    expect(report.countOf("archive-entry-skipped")).toBe(2);
  });
});

describe("ambiguous archives", () => {
  it("refuses a name that appears twice", async () => {
    const { root, dest } = sandbox();
    const zip = write(path.join(root, "dup.zip"), craftZip([{ name: "a.txt", data: "1" }, { name: "a.txt", data: "2" }]));
    expect((await refusal(extractArchive(zip, dest))).message).toBe('refusing entry "a.txt": it appears twice in the archive');
    expect(listFiles(root)).toEqual(["dup.zip"]);
  });

  it("refuses a name that is both a file and a folder", async () => {
    const { root, dest } = sandbox();
    const zip = write(path.join(root, "clash.zip"), craftZip([{ name: "a", data: "1" }, { name: "a/b.txt", data: "2" }]));
    expect((await refusal(extractArchive(zip, dest))).message).toBe('refusing entry "a/b.txt": "a" is a file earlier in the archive');
    const t = write(path.join(root, "clash.tar"), craftTar([{ path: "a/b.txt", data: "2" }, { path: "a", data: "1" }]));
    expect((await refusal(extractArchive(t, dest))).message).toBe('refusing entry "a": it is both a file and a folder in the archive');
  });

  it("accepts a folder listed twice, and warns about names that differ only by case", async () => {
    const { root, dest } = sandbox();
    const t = write(path.join(root, "case.tar"), craftTar([
      { path: "img/", type: "Directory" },
      { path: "img/", type: "Directory" },
      { path: "img/A.png", data: "1" },
      { path: "img/a.png", data: "2" },
    ]));
    const report = new Report();
    await extractArchive(t, dest, { report });
    expect(listFiles(dest)).toEqual(["img/A.png", "img/a.png"]);
    expect(report.countOf("archive-case-clash")).toBe(1);
  });

  it("skips macOS __MACOSX metadata quietly", async () => {
    const { root, dest } = sandbox();
    const zip = write(path.join(root, "mac.zip"), craftZip([
      { name: "proj/meta.json", data: "{}" },
      { name: "__MACOSX/proj/._meta.json", data: "junk" },
    ]));
    const report = new Report();
    const r = await extractArchive(zip, dest, { report });
    expect(listFiles(dest)).toEqual(["proj/meta.json"]);
    expect(r.skipped).toEqual([{ name: "__MACOSX/proj/._meta.json", reason: "macOS metadata" }]);
    expect(report.warningCount).toBe(0);
    // And with the metadata gone, the single top-level folder is the dataset root.
    expect(await archiveContentRoot(dest)).toBe(path.join(dest, "proj"));
  });
});

describe("size limits (zip bombs)", () => {
  afterEach(() => {
    delete process.env.SLYCONV_ARCHIVE_MAX_BYTES;
  });

  it("refuses a zip whose declared sizes exceed the cap before writing anything", async () => {
    const { root, dest } = sandbox();
    // Two entries each claiming 3 GiB (the real data is a few bytes; the declaration alone is refused).
    const zip = write(path.join(root, "bomb.zip"), craftZip([
      { name: "a.bin", data: "x", declaredSize: 3 * 1024 ** 3 },
      { name: "b.bin", data: "y", declaredSize: 3 * 1024 ** 3 },
    ]));
    const e = await refusal(extractArchive(zip, dest, { maxBytes: 4 * 1024 ** 3 }));
    expect(e.code).toBe("archive-too-large");
    expect(e.message).toContain('the archive declares at least 6.0 GiB (6442450944 bytes) of content (up to entry "b.bin"), more than the 4.0 GiB (4294967296 bytes) limit');
    expect(e.message).toContain("SLYCONV_ARCHIVE_MAX_BYTES");
    expect(listFiles(root)).toEqual(["bomb.zip"]);
  });

  it("catches a zip whose declared size is smaller than its real content", async () => {
    const { root, dest } = sandbox();
    const zip = write(path.join(root, "liar.zip"), craftZip([{ name: "a.bin", data: Buffer.alloc(100_000), declaredSize: 10 }]));
    const e = await refusal(extractArchive(zip, dest));
    expect(e.code).toBe("archive-corrupt");
    expect(listFiles(root)).toEqual(["liar.zip"]);
  });

  it("the cap is configurable per call and through SLYCONV_ARCHIVE_MAX_BYTES", async () => {
    const { root } = sandbox();
    const zip = write(path.join(root, "small.zip"), craftZip([{ name: "a.txt", data: "a".repeat(600) }, { name: "b.txt", data: "b".repeat(600) }]));
    expect((await refusal(extractArchive(zip, path.join(root, "d1"), { maxBytes: 1000 }))).code).toBe("archive-too-large");
    expect((await extractArchive(zip, path.join(root, "d2"), { maxBytes: 1200 })).bytes).toBe(1200);
    process.env.SLYCONV_ARCHIVE_MAX_BYTES = "1K";
    expect((await refusal(extractArchive(zip, path.join(root, "d3")))).code).toBe("archive-too-large");
    process.env.SLYCONV_ARCHIVE_MAX_BYTES = "lots";
    await expect(extractArchive(zip, path.join(root, "d4"))).rejects.toThrow(/SLYCONV_ARCHIVE_MAX_BYTES="lots" is not a positive size/);
  });

  it("caps the number of entries", async () => {
    const { root, dest } = sandbox();
    const zip = write(path.join(root, "many.zip"), craftZip(["a", "b", "c", "d"].map((n) => ({ name: n, data: n }))));
    const e = await refusal(extractArchive(zip, dest, { maxEntries: 3 }));
    expect(e.code).toBe("archive-too-large");
    expect(e.message).toContain("the archive has 4 entries, more than the 3 limit");
    const t = write(path.join(root, "many.tar"), craftTar(["a", "b", "c", "d"].map((n) => ({ path: n, data: n }))));
    expect((await refusal(extractArchive(t, dest, { maxEntries: 3 }))).message).toContain("more than 3 entries");
  });

  it("tar.gz: a highly compressed stream is stopped at the cap, and the folder is emptied", async () => {
    const { root, dest } = sandbox();
    const file = write(path.join(root, "bomb.tar.gz"), craftTar([
      { path: "ok.txt", data: "fine" },
      { path: "zeros.bin", data: Buffer.alloc(8 * 1024 * 1024) },
    ], { gzip: true }));
    expect(fs.statSync(file).size).toBeLessThan(64 * 1024);
    const e = await refusal(extractArchive(file, dest, { maxBytes: 1024 * 1024 }));
    expect(e.code).toBe("archive-too-large");
    expect(listFiles(root)).toEqual(["bomb.tar.gz"]);
  });
});

describe("damaged archives", () => {
  it("zip: not a zip, truncated, CRC mismatch", async () => {
    const { root, dest } = sandbox();
    const junk = write(path.join(root, "junk.zip"), randomBytes(2000));
    const e1 = await refusal(extractArchive(junk, dest));
    expect(e1.code).toBe("archive-corrupt");
    expect(e1.describe()).toMatch(/junk\.zip: cannot read the archive: end of central directory record signature not found/i);

    const good = craftZip([{ name: "a.txt", data: "a".repeat(5000) }]);
    const cut = write(path.join(root, "cut.zip"), good.subarray(0, good.length - 30));
    expect((await refusal(extractArchive(cut, dest))).code).toBe("archive-corrupt");

    const badCrc = write(path.join(root, "crc.zip"), craftZip([{ name: "a.txt", data: "hello", crc: 12345 }]));
    const e3 = await refusal(extractArchive(badCrc, dest));
    expect(e3.code).toBe("archive-corrupt");
    expect(e3.message).toBe('cannot read the archive (entry "a.txt"): CRC-32 mismatch, the data is damaged');
    expect(listFiles(root)).toEqual(["crc.zip", "cut.zip", "junk.zip"]);
  });

  it("zip: encrypted entries and unknown compression methods are unsupported", async () => {
    const { root, dest } = sandbox();
    const enc = write(path.join(root, "enc.zip"), craftZip([{ name: "a.txt", data: "a", encrypted: true, method: 0 }]));
    const e = await refusal(extractArchive(enc, dest));
    expect(e.code).toBe("archive-unsupported");
    expect(e.message).toBe('cannot extract entry "a.txt": it is encrypted');
    const lzma = write(path.join(root, "lzma.zip"), craftZip([{ name: "a.txt", data: "a", method: 14 }]));
    expect((await refusal(extractArchive(lzma, dest))).message).toMatch(/compression method 14 is not supported/);
  });

  it("tar: not a tar, truncated tar.gz, bad header checksum", async () => {
    const { root, dest } = sandbox();
    const junk = write(path.join(root, "junk.tar"), Buffer.from("this is not a tar file at all\n".repeat(40)));
    expect((await refusal(extractArchive(junk, dest))).code).toBe("archive-corrupt");

    const gz = craftTar([{ path: "a.txt", data: randomBytes(100_000) }], { gzip: true });
    const cut = write(path.join(root, "cut.tar.gz"), gz.subarray(0, gz.length / 2));
    expect((await refusal(extractArchive(cut, dest))).code).toBe("archive-corrupt");

    const t = craftTar([{ path: "a.txt", data: "A" }]);
    t[150] ^= 0xff; // inside the checksum field
    const bad = write(path.join(root, "bad.tar"), t);
    expect((await refusal(extractArchive(bad, dest))).code).toBe("archive-corrupt");
    expect(listFiles(dest)).toEqual([]);
  });

  it("an empty file is not an archive", async () => {
    const { root, dest } = sandbox();
    for (const name of ["empty.zip", "empty.tar", "empty.tar.gz"]) {
      const file = write(path.join(root, name), Buffer.alloc(0));
      expect((await refusal(extractArchive(file, dest))).code).toBe("archive-corrupt");
    }
  });
});

describe("extractToScratch", () => {
  let tmp: string;
  let archives: string;
  const savedTmp = process.env.TMPDIR;
  beforeEach(() => {
    archives = tempDir();
    tmp = tempDir("slyconv-scratch-");
    process.env.TMPDIR = tmp; // os.tmpdir() follows it: scratch folders land here, where the test can see them
  });
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  });

  it("uses a single top-level folder as the root, and dispose() removes everything", async () => {
    const zip = write(path.join(archives, "wrapped.zip"), craftZip([{ name: "project/meta.json", data: "{}" }, { name: ".DS_Store", data: "x" }]));
    const x = await extractToScratch(zip);
    expect(path.basename(x.root)).toBe("project");
    // Extracted into <scratch>/<archive stem>/.
    expect(path.basename(path.dirname(x.root))).toBe("wrapped");
    expect(path.dirname(path.dirname(path.dirname(x.root)))).toBe(tmp);
    expect(path.basename(path.dirname(path.dirname(x.root)))).toMatch(new RegExp(`^slyconv-extract-${process.pid}-[0-9a-f]+$`));
    expect(fs.readFileSync(path.join(x.root, "meta.json"), "utf8")).toBe("{}");
    await x.dispose();
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it("keeps the extraction folder, named after the archive, as the root when there are several top-level entries", async () => {
    const zip = write(path.join(archives, "flat.zip"), craftZip([{ name: "meta.json", data: "{}" }, { name: "ds1/ann/a.json", data: "{}" }]));
    const x = await extractToScratch(zip);
    expect(path.basename(x.root)).toBe("flat");
    expect(path.dirname(path.dirname(x.root))).toBe(tmp);
    expect(listFiles(x.root)).toEqual(["ds1/ann/a.json", "meta.json"]);
    // Errors that name scratch paths are relabelled to name the archive.
    const err = x.relabel(new SlyconvError("x", `cannot read ${path.join(x.root, "ds1/ann/a.json")}`, { file: path.join(x.root, "ds1") }));
    expect((err as SlyconvError).message).toBe(`cannot read ${zip}/ds1/ann/a.json`);
    expect((err as SlyconvError).location.file).toBe(`${zip}/ds1`);
    await x.dispose();
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it("removes the scratch folder when extraction fails, and sweeps folders of dead runs", async () => {
    const stale = path.join(tmp, "slyconv-extract-999999999-abcdef12");
    fs.mkdirSync(path.join(stale, "left"), { recursive: true });
    const evil = write(path.join(archives, "evil.zip"), craftZip([{ name: "../x", data: "x" }]));
    await expect(extractToScratch(evil)).rejects.toMatchObject({ code: "archive-unsafe-entry" });
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});

describe.skipIf(!fs.existsSync(realData("cvat-yolo-indoor-zip")))("real data: CVAT 'Yolo (1).zip'", () => {
  it("extracts all 28 members despite the space and parentheses in its name", async () => {
    const zip = realData("cvat-yolo-indoor-zip", "Yolo (1).zip");
    const facts = expectedFacts()["cvat-yolo-indoor-zip"];
    const dest = path.join(tempDir(), "yolo");
    const r = await extractArchive(zip, dest);
    expect(r.entries).toBe(facts.zip_members);
    expect(r.entries).toBe(28);
    expect(r.bytes).toBe(1882);
    const files = listFiles(dest);
    expect(files.length).toBe(28);
    expect(files.filter((f) => f.startsWith("obj_train_data/")).sort()).toEqual(Object.keys(facts.lines_per_file).sort());
    expect(fs.readFileSync(path.join(dest, "obj.names"), "utf8").split(/\r?\n/).filter(Boolean)).toEqual(facts.obj_names);
    expect(fs.readFileSync(path.join(dest, "obj.data"), "utf8")).toBe(facts.obj_data);
    for (const [file, lines] of Object.entries(facts.lines_per_file as Record<string, number>)) {
      expect(fs.readFileSync(path.join(dest, file), "utf8").split("\n").filter((l) => l.trim()).length, file).toBe(lines);
    }
  });
});
if (!fs.existsSync(realData("cvat-yolo-indoor-zip"))) console.warn(REAL_DATA_SKIP_MESSAGE);
