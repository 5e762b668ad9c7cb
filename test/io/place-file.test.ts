import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { placeFile } from "../../src/io/place-file.js";
import { tempDir } from "../helpers/paths.js";

describe("placeFile (how every writer puts an image into its output)", () => {
  const dir = tempDir("slyconv-place-");
  const real = path.join(dir, "real.png");
  fs.writeFileSync(real, "PNGDATA");
  const link = path.join(dir, "link.png");
  fs.symlinkSync(real, link);
  fs.symlinkSync(path.join(dir, "nothing.png"), path.join(dir, "dangling.png"));
  fs.mkdirSync(path.join(dir, "folder.png"));
  const out = tempDir("slyconv-place-out-");

  it("copy through a symlink: the output holds a regular file with the real content", async () => {
    expect(await placeFile(link, path.join(out, "a.png"), "copy")).toEqual({ placed: true });
    const st = fs.lstatSync(path.join(out, "a.png"));
    expect(st.isFile() && !st.isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(out, "a.png"), "utf8")).toBe("PNGDATA");
  });

  it("hardlink links the real file, symlink points at the real file (never at the input's link)", async () => {
    await placeFile(link, path.join(out, "h.png"), "hardlink");
    expect(fs.statSync(path.join(out, "h.png")).ino).toBe(fs.statSync(real).ino);
    await placeFile(link, path.join(out, "s.png"), "symlink");
    expect(fs.readlinkSync(path.join(out, "s.png"))).toBe(fs.realpathSync(real));
  });

  it("never overwrites: an existing destination throws EEXIST in every mode", async () => {
    for (const mode of ["copy", "hardlink", "symlink"] as const) {
      await expect(placeFile(real, path.join(out, "a.png"), mode)).rejects.toMatchObject({ code: "EEXIST" });
    }
    expect(fs.readFileSync(path.join(out, "a.png"), "utf8")).toBe("PNGDATA");
  });

  it("a dangling link, a folder or a missing file gives the reason and writes nothing", async () => {
    expect(await placeFile(path.join(dir, "dangling.png"), path.join(out, "d.png"), "copy")).toEqual({ why: "it does not exist (or is a symlink to nothing)" });
    expect(await placeFile(path.join(dir, "folder.png"), path.join(out, "f.png"), "hardlink")).toEqual({ why: "it is a folder" });
    expect(fs.existsSync(path.join(out, "d.png")) || fs.existsSync(path.join(out, "f.png"))).toBe(false);
  });
});
