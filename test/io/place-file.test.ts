import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { placeFile } from "../../src/io/place-file.js";
import { tempDir } from "../helpers/paths.js";

describe("placeFile (how every writer puts an image into its output)", () => {
  const dir = tempDir("slyconv-place-");
  const real = path.join(dir, "real.png");
  const PNG = "\x89PNG\r\n\x1a\nDATA";
  fs.writeFileSync(real, PNG, "latin1");
  const link = path.join(dir, "link.png");
  fs.symlinkSync(real, link);
  fs.symlinkSync(path.join(dir, "nothing.png"), path.join(dir, "dangling.png"));
  fs.mkdirSync(path.join(dir, "folder.png"));
  const out = tempDir("slyconv-place-out-");

  it("copy through a symlink: the output holds a regular file with the real content", async () => {
    expect(await placeFile(link, path.join(out, "a.png"), "copy")).toEqual({ placed: true });
    const st = fs.lstatSync(path.join(out, "a.png"));
    expect(st.isFile() && !st.isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(out, "a.png"), "latin1")).toBe(PNG);
  });

  it("copy (the default) is a file of its own: writing to it leaves the source as it was", async () => {
    expect(await placeFile(real, path.join(out, "c.png"), "copy")).toEqual({ placed: true });
    expect(fs.statSync(path.join(out, "c.png")).ino).not.toBe(fs.statSync(real).ino);
    fs.appendFileSync(path.join(out, "c.png"), "edited");
    expect(fs.readFileSync(real, "latin1")).toBe(PNG);
  });

  it("hardlink links the real file, symlink points at it, when no symlink is on the way", async () => {
    await placeFile(real, path.join(out, "h.png"), "hardlink");
    expect(fs.statSync(path.join(out, "h.png")).ino).toBe(fs.statSync(real).ino);
    await placeFile(real, path.join(out, "s.png"), "symlink");
    expect(fs.readlinkSync(path.join(out, "s.png"))).toBe(fs.realpathSync(real));
  });

  it("a file reached through a symlink (the file's or a folder's) is copied even with hardlink or symlink: the output never links outside the input", async () => {
    fs.symlinkSync(dir, path.join(out, "linked-folder"));
    for (const [src, name] of [[link, "lh.png"], [path.join(out, "linked-folder/real.png"), "fh.png"]]) {
      for (const mode of ["hardlink", "symlink"] as const) {
        const dest = path.join(out, `${mode}-${name}`);
        expect(await placeFile(src, dest, mode)).toEqual({ placed: true });
        const st = fs.lstatSync(dest);
        expect(st.isFile() && !st.isSymbolicLink()).toBe(true);
        expect(st.ino).not.toBe(fs.statSync(real).ino);
        expect(fs.readFileSync(dest, "latin1")).toBe(PNG);
      }
    }
  });

  it("a symlink img/pw.png -> /etc/passwd is not read through: \"not an image\", nothing written, in every mode", async () => {
    fs.mkdirSync(path.join(dir, "img"));
    const pw = path.join(dir, "img/pw.png");
    fs.symlinkSync("/etc/passwd", pw);
    for (const mode of ["copy", "hardlink", "symlink"] as const) {
      expect(await placeFile(pw, path.join(out, `pw-${mode}.png`), mode)).toEqual({ why: "it is a symlink to /etc/passwd, which is not an image" });
      expect(fs.existsSync(path.join(out, `pw-${mode}.png`))).toBe(false);
    }
  });

  it("never overwrites: an existing destination throws EEXIST in every mode", async () => {
    for (const mode of ["copy", "hardlink", "symlink"] as const) {
      await expect(placeFile(real, path.join(out, "a.png"), mode)).rejects.toMatchObject({ code: "EEXIST" });
    }
    expect(fs.readFileSync(path.join(out, "a.png"), "latin1")).toBe(PNG);
  });

  it("a dangling link, a folder or a missing file gives the reason and writes nothing", async () => {
    expect(await placeFile(path.join(dir, "dangling.png"), path.join(out, "d.png"), "copy")).toEqual({ why: "it does not exist (or is a symlink to nothing)" });
    expect(await placeFile(path.join(dir, "folder.png"), path.join(out, "f.png"), "hardlink")).toEqual({ why: "it is a folder" });
    expect(fs.existsSync(path.join(out, "d.png")) || fs.existsSync(path.join(out, "f.png"))).toBe(false);
  });
});
