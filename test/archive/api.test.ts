import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { convertDataset, exportProject, importDataset, readDataset, readProject, writeDataset } from "../../src/api.js";
import { writeArchive } from "../../src/io/archive-create.js";
import { UsageError } from "../../src/errors.js";
import { Report } from "../../src/report.js";
import { FIXTURES, diffTrees, listFiles, tempDir } from "../helpers/paths.js";
import { craftZip } from "./craft.js";

const CANONICAL = path.join(FIXTURES, "supervisely/canonical");

/** Scratch folders go to a private TMPDIR, so the tests can check that every one of them is removed. */
let scratchRoot: string;
const savedTmp = process.env.TMPDIR;
beforeAll(() => {
  scratchRoot = tempDir("slyconv-api-tmp-");
  process.env.TMPDIR = scratchRoot;
});
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});
/** Outputs live elsewhere (created before TMPDIR moves would not matter: they get their own folder per test). */
let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(path.dirname(scratchRoot), "slyconv-api-work-"));
});
const scratchLeft = () => fs.readdirSync(scratchRoot);

describe("export --archive, then import the archive back", () => {
  for (const archive of ["zip", "tar.gz"] as const) {
    it(`${archive}: a Supervisely project survives byte for byte`, async () => {
      const { output } = await exportProject(CANONICAL, path.join(work, "exported"), { format: "supervisely", archive });
      expect(output).toBe(path.join(work, `exported.${archive}`));
      // One archive file, and no staging or temporary leftovers beside it.
      expect(fs.readdirSync(work)).toEqual([`exported.${archive}`]);

      const back = path.join(work, "back");
      const r = await importDataset(output, back, { format: "supervisely" });
      expect(r.format).toBe("supervisely");
      expect(r.items).toBe(4);
      expect(diffTrees(CANONICAL, back)).toEqual([]);
      expect(scratchLeft()).toEqual([]);
    });
  }

  it("the format is detected inside the archive, and a single wrapping folder is looked through", async () => {
    // The project inside a folder of its own, the way people zip a folder by hand.
    const wrapped = path.join(work, "wrap");
    fs.cpSync(CANONICAL, path.join(wrapped, "my project"), { recursive: true });
    const zip = path.join(work, "by-hand.zip");
    await writeArchive(wrapped, zip, "zip");
    const back = path.join(work, "back");
    const r = await importDataset(zip, back, { images: "copy" });
    expect(r.format).toBe("supervisely");
    expect(diffTrees(CANONICAL, back)).toEqual([]);
    expect(scratchLeft()).toEqual([]);
  });

  it("readDataset keeps the extracted files until dispose()", async () => {
    const { output } = await exportProject(CANONICAL, path.join(work, "p.zip"), { format: "supervisely", archive: "zip" });
    expect(output).toBe(path.join(work, "p.zip"));
    const read = await readDataset(output, { format: "supervisely" });
    expect(read.fromArchive).toBe(true);
    expect(scratchLeft()).toHaveLength(1);
    // The items still stream from the scratch folder: writing them now works.
    const { output: folder } = await writeDataset(read.project, path.join(work, "copy"), { format: "supervisely" });
    expect(diffTrees(CANONICAL, folder)).toEqual([]);
    await read.dispose();
    expect(scratchLeft()).toEqual([]);
    const plain = await readDataset(CANONICAL, { format: "supervisely" });
    expect(plain.fromArchive).toBe(false);
    await plain.dispose();
  });

  it("convert: archive in, archive out", async () => {
    const { output: zip } = await exportProject(CANONICAL, path.join(work, "in"), { format: "supervisely", archive: "zip" });
    const r = await convertDataset(zip, path.join(work, "out"), { from: "supervisely", to: "supervisely", archive: "tar.gz" });
    expect(r.output).toBe(path.join(work, "out.tar.gz"));
    const back = path.join(work, "back");
    await importDataset(r.output, back, { format: "supervisely" });
    expect(diffTrees(CANONICAL, back)).toEqual([]);
    expect(scratchLeft()).toEqual([]);
  });

  it("images symlinked out of an archive would dangle: they are copied, with a warning", async () => {
    const { output: zip } = await exportProject(CANONICAL, path.join(work, "in"), { format: "supervisely", archive: "zip" });
    const report = new Report();
    const back = path.join(work, "back");
    await importDataset(zip, back, { format: "supervisely", images: "symlink", report });
    expect(report.countOf("archive-images-copied")).toBe(1);
    expect(fs.lstatSync(path.join(back, "ds1/img/a.png")).isSymbolicLink()).toBe(false);
    expect(diffTrees(CANONICAL, back)).toEqual([]);

    const converted = path.join(work, "converted");
    const report2 = new Report();
    await convertDataset(zip, converted, { from: "supervisely", to: "supervisely", formatOptions: { images: "symlink" }, report: report2 });
    expect(report2.countOf("archive-images-copied")).toBe(1);
    expect(fs.lstatSync(path.join(converted, "ds1/img/a.png")).isSymbolicLink()).toBe(false);
    expect(scratchLeft()).toEqual([]);
  });
});

describe("archive outputs follow the safe-output rules", () => {
  it("an existing archive needs force, and is replaced only with it", async () => {
    const target = path.join(work, "p.zip");
    const old = Buffer.from("PK\x05\x06" + "\0".repeat(18), "latin1"); // an empty zip
    fs.writeFileSync(target, old);
    await expect(exportProject(CANONICAL, target, { format: "supervisely", archive: "zip" })).rejects.toBeInstanceOf(UsageError);
    expect(fs.readFileSync(target)).toEqual(old);
    await exportProject(CANONICAL, target, { format: "supervisely", archive: "zip", force: true });
    expect(fs.readFileSync(target).subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
    expect(fs.readdirSync(work)).toEqual(["p.zip"]);
  });

  it("a file that is no archive is never replaced, --force or not", async () => {
    const target = path.join(work, "notes.zip");
    fs.writeFileSync(target, "my notes");
    await expect(exportProject(CANONICAL, target, { format: "supervisely", archive: "zip", force: true })).rejects.toMatchObject({ code: "output-refused", exitCode: 2, message: expect.stringContaining("not a zip or tar.gz archive") });
    expect(fs.readFileSync(target, "utf8")).toBe("my notes");
    expect(fs.readdirSync(work)).toEqual(["notes.zip"]);
  });

  it("an output named for another archive type is a usage error, and nothing is written", async () => {
    const project = await readProject(CANONICAL);
    await expect(writeDataset(project, path.join(work, "p.tar.gz"), { format: "supervisely", archive: "zip" })).rejects.toThrow(/names a tar\.gz archive but the archive type is zip/);
    expect(fs.readdirSync(work)).toEqual([]);
  });

  it("a failing writer leaves no archive and no staging folder", async () => {
    const project = await readProject(CANONICAL);
    const broken = { ...project, datasets: [{ ...project.datasets[0], items: async function* () { throw new Error("item source failed"); } }] };
    await expect(writeDataset(broken as never, path.join(work, "p"), { format: "supervisely", archive: "zip" })).rejects.toThrow("item source failed");
    expect(fs.readdirSync(work)).toEqual([]);
  });
});

describe("hostile archives through the API", () => {
  it("import refuses the archive, writes no output and leaves no scratch folder", async () => {
    const zip = path.join(work, "evil.zip");
    fs.writeFileSync(zip, craftZip([{ name: "meta.json", data: "{}" }, { name: "../../evil.txt", data: "pwned" }]));
    const out = path.join(work, "out");
    await expect(importDataset(zip, out)).rejects.toMatchObject({ code: "archive-unsafe-entry", location: { file: zip } });
    expect(listFiles(work)).toEqual(["evil.zip"]);
    expect(fs.existsSync(path.join(path.dirname(work), "evil.txt"))).toBe(false);
    expect(scratchLeft()).toEqual([]);
  });

  it("the size cap is passed through archiveLimits", async () => {
    const { output: zip } = await exportProject(CANONICAL, path.join(work, "p"), { format: "supervisely", archive: "zip" });
    await expect(importDataset(zip, path.join(work, "out"), { format: "supervisely", archiveLimits: { maxBytes: 100 } })).rejects.toMatchObject({ code: "archive-too-large" });
    expect(fs.readdirSync(work)).toEqual(["p.zip"]);
    expect(scratchLeft()).toEqual([]);
  });

  it("an archive of something unrecognisable names the archive, not the scratch folder", async () => {
    const zip = path.join(work, "mystery.zip");
    fs.writeFileSync(zip, craftZip([{ name: "README.md", data: "# hello" }, { name: "blob.bin", data: "\u0000\u0001" }]));
    const e = await importDataset(zip, path.join(work, "out")).then(() => null, (err) => err);
    expect(e?.code).toBe("format-unknown");
    expect(e.message).toMatch(new RegExp(`^cannot tell the format of ${zip.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")};`));
    expect(e.message).not.toContain("slyconv-extract-");
    expect(scratchLeft()).toEqual([]);
  });
});
