/** Cases that are built in a temporary folder: not committable as fixtures, or about how the project is found. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { UsageError } from "../../src/errors.js";
import { validateProject } from "../../src/validate/index.js";
import { comparable, fixturesDir, validate } from "./helpers.js";

let tmp: string;
let png: Buffer;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "slyconv-validate-"));
  png = await sharp({ create: { width: 8, height: 6, channels: 3, background: "#336699" } }).png().toBuffer();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const meta = { classes: [{ title: "pt", shape: "point", color: "#FF0000", geometry_config: {} }], tags: [], projectType: "images" };
const emptyAnn = { size: { height: 6, width: 8 }, tags: [], objects: [] };

/** Writes a project from {relative path: content}; objects become JSON. */
function project(name: string, files: Record<string, unknown>): string {
  const root = path.join(tmp, name);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.isBuffer(content) || typeof content === "string" ? content : JSON.stringify(content));
  }
  return root;
}

const findingsOf = async (dir: string) => comparable((await validate(dir)).findings, false).map((s) => JSON.parse(s));

describe("checks built at runtime", () => {
  it("file-unreadable: an annotation that cannot be read (a dangling symlink)", async () => {
    const dir = project("unreadable", { "meta.json": meta, "ds/img/a.png": png });
    fs.mkdirSync(path.join(dir, "ds/ann"));
    fs.symlinkSync("does-not-exist.json", path.join(dir, "ds/ann/a.png.json"));
    expect(await findingsOf(dir)).toEqual([{ severity: "error", code: "file-unreadable", file: "ds/ann/a.png.json", pointer: "" }]);
  });

  it("duplicate-item-case: item names differing only in letter case", async (ctx) => {
    const dir = project("case", { "meta.json": meta, "ds/img/a.png": png, "ds/ann/a.png.json": emptyAnn });
    fs.writeFileSync(path.join(dir, "ds/img/A.png"), png);
    if (fs.readdirSync(path.join(dir, "ds/img")).length < 2) ctx.skip(); // case-insensitive file system
    fs.writeFileSync(path.join(dir, "ds/ann/A.png.json"), JSON.stringify(emptyAnn));
    // "A.png" sorts first, so "a.png" is the one reported.
    expect(await findingsOf(dir)).toEqual([{ severity: "warning", code: "duplicate-item-case", file: "ds/ann/a.png.json", pointer: "" }]);
  });
});

describe("usage errors", () => {
  it("a missing project folder is a usage error (exit 2)", async () => {
    const err = await validateProject(path.join(tmp, "nope")).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/does not exist/);
  });

  it("a file instead of a folder is a usage error", async () => {
    const file = path.join(tmp, "file.json");
    fs.writeFileSync(file, "{}");
    const err = await validateProject(file).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(/not a folder/);
  });
});

describe("finding the project and reading what is there", () => {
  it("finds the project in a single sub-folder and reports paths relative to it", async () => {
    const dir = project("outer", { "inner/meta.json": meta, "inner/ds/img/a.png": png, "inner/ds/ann/a.png.json": { ...emptyAnn, size: { height: 6, width: 9 } } });
    expect(await findingsOf(dir)).toEqual([{ severity: "error", code: "image-size-mismatch", file: "ds/ann/a.png.json", pointer: "/size" }]);
  });

  it("without meta.json, still checks geometry it can infer, and says when it cannot", async () => {
    const dir = project("no-meta", {
      "ds/img/a.png": png,
      "ds/ann/a.png.json": { ...emptyAnn, objects: [
        { classTitle: "anything", tags: [], points: { exterior: [[1, 1], [2, 2]] } }, // inferred polygon with 2 points
        { classTitle: "mystery", tags: [], points: [[1, 1], [2, 2]] }, // a points list: oriented box or cuboid?
      ] },
    });
    expect(await findingsOf(dir)).toEqual([
      { severity: "error", code: "geometry-type-missing", file: "ds/ann/a.png.json", pointer: "/objects/1" },
      { severity: "error", code: "meta-missing", file: "meta.json", pointer: "" },
      { severity: "error", code: "polygon-too-few-points", file: "ds/ann/a.png.json", pointer: "/objects/0/points/exterior" },
    ]);
  });

  it("a meta.json that does not parse is reported with its line, and items are still checked", async () => {
    const dir = project("bad-meta", { "meta.json": '{"classes": [\n  {"title": "pt",}\n]}', "ds/img/a.png": png, "ds/ann/a.png.json": { ...emptyAnn, size: { height: 7, width: 8 } } });
    const { findings } = await validate(dir);
    expect(findings.map((f) => [f.code, f.file, f.line])).toEqual([["json-syntax", "meta.json", 2], ["image-size-mismatch", "ds/ann/a.png.json", undefined]]);
  });

  it("a link item without an annotation is reported on its img_info file", async () => {
    const dir = project("link", { "meta.json": meta, "ds/img/a.png": png, "ds/ann/a.png.json": emptyAnn, "ds/img_info/b.jpg.json": { link: "https://example.com/b.jpg" } });
    expect(await findingsOf(dir)).toEqual([{ severity: "warning", code: "annotation-missing", file: "ds/img_info/b.jpg.json", pointer: "" }]);
  });

  it("a bad `link` in img_info is a side-file error", async () => {
    const dir = project("bad-link", { "meta.json": meta, "ds/img/a.png": png, "ds/ann/a.png.json": emptyAnn, "ds/img_info/a.png.json": { link: 5 } });
    expect(await findingsOf(dir)).toEqual([{ severity: "error", code: "side-file-invalid", file: "ds/img_info/a.png.json", pointer: "/link" }]);
  });

  it("objects the schema rejected are not checked again by the semantic checks", async () => {
    const dir = project("schema-first", {
      "meta.json": meta, "ds/img/a.png": png,
      // Unknown class and a point outside the image, but the object has no tags: only the schema error is reported.
      "ds/ann/a.png.json": { ...emptyAnn, objects: [{ classTitle: "ghost", geometryType: "point", points: { exterior: [[50, 50]] } }] },
    });
    expect(await findingsOf(dir)).toEqual([{ severity: "error", code: "annotation-schema", file: "ds/ann/a.png.json", pointer: "/objects/0" }]);
  });

  it("gives the same findings with any concurrency", async () => {
    const dir = path.join(fixturesDir, "valid", "all-geometries");
    const one = await validateProject(dir, { concurrency: 1 });
    const many = await validateProject(dir, { concurrency: 64 });
    expect(one.report.findings).toEqual(many.report.findings);
    expect(one.items).toBe(many.items);
  });
});
