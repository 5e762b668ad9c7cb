import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { OUTPUT_MARKER, writeAtomically } from "../../src/io/safe-output.js";
import { assertPlainFileName, safeJoin, unsafeNameReason } from "../../src/io/paths.js";
import { writeProject } from "../../src/api.js";
import { emptyAnnotation, emptyProjectMeta, type Project } from "../../src/model/index.js";
import { tempDir } from "../helpers/paths.js";

const projectWithItem = (itemName: string, dsName = "ds"): Project => ({
  meta: emptyProjectMeta(),
  datasets: [{ name: dsName, datasets: [], items: [{ name: itemName, annotation: emptyAnnotation({ width: 4, height: 3 }) }] }],
});

describe("atomic output", () => {
  it("a failing build leaves no output and no temporary folder", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    await expect(writeAtomically(out, {}, "dir", async (tmp) => {
      fs.writeFileSync(path.join(tmp, "half.json"), "{}");
      throw new Error("disk on fire");
    })).rejects.toThrow("disk on fire");
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it("refuses an output it wrote without --force, and leaves it untouched", async () => {
    const out = path.join(tempDir(), "out");
    await writeProject(projectWithItem("a.png"), out);
    fs.writeFileSync(path.join(out, "keep.txt"), "mine");
    await expect(writeProject(projectWithItem("b.png"), out)).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining("pass `force`") });
    expect(fs.readdirSync(out).sort()).toEqual([OUTPUT_MARKER, "ds", "keep.txt", "meta.json"]);
    expect(fs.readdirSync(path.join(out, "ds/ann"))).toEqual(["a.png.json"]);
  });

  it("--force replaces the output only once the new one is complete", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "old.txt"), "previous");
    fs.writeFileSync(path.join(out, OUTPUT_MARKER), "");
    await expect(writeAtomically(out, { force: true }, "dir", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(fs.readFileSync(path.join(out, "old.txt"), "utf8")).toBe("previous");
    await writeProject(projectWithItem("a.png"), out, { force: true });
    expect(fs.existsSync(path.join(out, "old.txt"))).toBe(false);
    expect(fs.readdirSync(out).sort()).toEqual([OUTPUT_MARKER, "ds", "meta.json"]);
    expect(fs.readdirSync(parent)).toEqual(["out"]);
  });

  it("an empty existing folder is fine without --force", async () => {
    const out = tempDir();
    await writeProject(projectWithItem("a.png"), out);
    expect(fs.existsSync(path.join(out, "ds/ann/a.png.json"))).toBe(true);
  });
});

describe("path safety", () => {
  it.each([
    ["../evil.png", "climbs out"],
    ["a/../../evil.png", "climbs out"],
    ["/etc/passwd", "absolute"],
    ["\\\\server\\share", "absolute"],
    ["C:\\Windows\\x.png", "drive letter"],
    ["c:x.png", "drive letter"],
    ["a\0b.png", "NUL"],
    ["", "empty"],
  ])("refuses %j (%s)", (name, why) => {
    expect(unsafeNameReason(name)).toContain(why);
    expect(() => safeJoin("/tmp/slyconv-root", name)).toThrow(/refusing the name/);
  });

  it("plain file names may not contain separators", () => {
    expect(() => assertPlainFileName("sub/a.png")).toThrow(/path separator/);
    expect(assertPlainFileName("a b (1).png")).toBe("a b (1).png");
    expect(safeJoin("/tmp/slyconv-root", "sub/a.png")).toBe(path.resolve("/tmp/slyconv-root/sub/a.png"));
  });

  it.each(["../evil.png", "/abs.png", "x\0.png", "sub/dir.png"])("the Supervisely writer refuses item name %j and writes nothing", async (name) => {
    const parent = tempDir();
    await expect(writeProject(projectWithItem(name), path.join(parent, "out"))).rejects.toMatchObject({ code: "unsafe-path" });
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it.each(["..", "../up", "img", "a/b"])("the Supervisely writer refuses dataset name %j", async (ds) => {
    const parent = tempDir();
    await expect(writeProject(projectWithItem("a.png", ds), path.join(parent, "out"))).rejects.toThrow(/refusing the name|reserves/);
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});
