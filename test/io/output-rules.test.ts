import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkOutputTarget, OUTPUT_MARKER, writeAtomically } from "../../src/io/safe-output.js";
import { importDataset } from "../../src/api.js";
import { runCli } from "../helpers/cli.js";
import { diffTrees, FIXTURES, listFiles, tempDir } from "../helpers/paths.js";

const COCO_SAMPLE = path.join(FIXTURES, "demo/coco-sample");
const CANONICAL = path.join(FIXTURES, "supervisely/canonical");

/** A working folder holding `data` (a COCO dataset) and `notes.txt`, as a user's would. */
function workFolder(): { dir: string; snapshot: string } {
  const dir = tempDir();
  fs.cpSync(COCO_SAMPLE, path.join(dir, "data"), { recursive: true });
  fs.writeFileSync(path.join(dir, "notes.txt"), "my notes\n");
  const snapshot = tempDir();
  fs.cpSync(dir, snapshot, { recursive: true });
  return { dir, snapshot };
}

describe("outputs slyconv refuses to replace or write into, --force or not (exit 2)", () => {
  it("`import data . --force` in a folder holding the input and notes.txt: refused, both kept", async () => {
    const { dir, snapshot } = workFolder();
    const r = await runCli(["import", "data", ".", "--force"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("slyconv: .: cannot be the output: it is the working folder [output-refused]\n");
    expect(diffTrees(snapshot, dir)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(["data", "notes.txt"]);
  });

  it("`convert data data --to voc --force`: refused, the input unchanged", async () => {
    const { dir, snapshot } = workFolder();
    const r = await runCli(["convert", "data", "data", "--to", "voc", "--force"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("slyconv: data: cannot be the output: it is the input data [output-refused]\n");
    expect(diffTrees(snapshot, dir)).toEqual([]);
  });

  it("`import proj proj/default --force`: refused, the input project unchanged", async () => {
    const dir = tempDir();
    fs.cpSync(CANONICAL, path.join(dir, "proj"), { recursive: true });
    fs.renameSync(path.join(dir, "proj/ds1"), path.join(dir, "proj/default"));
    const before = tempDir();
    fs.cpSync(dir, before, { recursive: true });
    const r = await runCli(["import", "proj", "proj/default", "--force"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("slyconv: proj/default: cannot be the output: it is inside the input proj [output-refused]\n");
    expect(diffTrees(before, dir)).toEqual([]);
    // A new folder inside the input would change the input as well.
    expect((await runCli(["import", "proj", "proj/new"], { cwd: dir })).code).toBe(2);
    expect(fs.existsSync(path.join(dir, "proj/new"))).toBe(false);
  });

  it("a folder holding the input, even one slyconv wrote: refused", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    await importDataset(COCO_SAMPLE, out);
    fs.cpSync(COCO_SAMPLE, path.join(out, "data"), { recursive: true });
    const r = await runCli(["import", path.join(out, "data"), out, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot be the output: it holds the input ${path.join(out, "data")} [output-refused]`);
    expect(fs.existsSync(path.join(out, "data/annotations/instances_demo.json"))).toBe(true);
    // The folder holding a COCO JSON given as a file is refused too.
    const json = path.join(out, "data/annotations/instances_demo.json");
    expect((await runCli(["import", json, path.dirname(json), "--force"])).code).toBe(2);
    expect(fs.existsSync(json)).toBe(true);
  });

  it.each([
    ["/dev/null", "it is in /dev, which belongs to the system"],
    ["/proc/self/slyconv-out", "it is in /proc, which belongs to the system"],
    ["/sys/slyconv-out", "it is in /sys, which belongs to the system"],
    ["/", "it is the root folder"],
    [os.homedir(), "it is your home folder"],
    [path.dirname(process.cwd()), "it holds the working folder"],
  ])("%s: refused (%s)", async (out, why) => {
    for (const force of [false, true]) {
      await expect(checkOutputTarget(out, { force })).rejects.toMatchObject({ code: "output-refused", exitCode: 2, message: `cannot be the output: ${why}` });
    }
    const r = await runCli(["import", COCO_SAMPLE, out, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`slyconv: ${out}: cannot be the output: ${why} [output-refused]\n`);
  });

  it("a FIFO, a file, a symlink and a path under a regular file: refused, left as they were", async () => {
    const dir = tempDir();
    const fifo = path.join(dir, "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    fs.writeFileSync(path.join(dir, "notes.txt"), "my notes\n");
    fs.mkdirSync(path.join(dir, "real"));
    fs.writeFileSync(path.join(dir, "real/keep.txt"), "x");
    fs.symlinkSync("real", path.join(dir, "link"));
    const cases: [string, string][] = [
      ["fifo", "it is not a regular folder (a device, FIFO or socket)"],
      ["notes.txt", "it is a file, not a folder"],
      ["link", "it is a symlink; give the path of the folder itself"],
      ["notes.txt/out", `${path.join(dir, "notes.txt")} is a file, not a folder, so nothing can be written under it`],
    ];
    for (const [out, why] of cases) {
      const r = await runCli(["import", COCO_SAMPLE, out, "--force"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`slyconv: ${out}: cannot be the output: ${why} [output-refused]\n`);
    }
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.readFileSync(path.join(dir, "notes.txt"), "utf8")).toBe("my notes\n");
    expect(fs.lstatSync(path.join(dir, "link")).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["fifo", "link", "notes.txt", "real"]);
  });

  it("a char device made without root is refused, and /dev/null stays a device", async () => {
    // mknod needs root; /dev/null is only asserted as refused, never written.
    const st = fs.statSync("/dev/null");
    expect(st.isCharacterDevice()).toBe(true);
    await expect(writeAtomically("/dev/null", { force: true }, "dir", async () => {})).rejects.toMatchObject({ code: "output-refused" });
    expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("a mount point is refused, empty or not (needs the right to mount a tmpfs; skipped otherwise)", async ({ skip }) => {
    const mnt = path.join(tempDir(), "mnt");
    fs.mkdirSync(mnt);
    // Mounted and unmounted within the test, so that no run (filtered, failed) leaves a mount behind.
    const mounted = process.platform === "linux" && spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt], { stdio: "ignore" }).status === 0;
    if (!mounted) skip("cannot mount a tmpfs here");
    try {
      await expect(checkOutputTarget(mnt, { force: true })).rejects.toMatchObject({ code: "output-refused", message: "cannot be the output: it is a mount point; write into a folder inside it" });
      fs.writeFileSync(path.join(mnt, OUTPUT_MARKER), "");
      await expect(checkOutputTarget(mnt, { force: true })).rejects.toMatchObject({ message: "cannot be the output: it is a mount point; write into a folder inside it" });
    } finally {
      spawnSync("umount", [mnt]);
    }
  });
});

describe("what --force may replace: a folder slyconv wrote (it holds the marker) or an empty one", () => {
  it("every output folder gets the marker, which says what it is; deleting it protects the folder", async () => {
    const out = path.join(tempDir(), "out");
    expect((await runCli(["import", COCO_SAMPLE, out])).code).toBe(0);
    expect(fs.readFileSync(path.join(out, OUTPUT_MARKER), "utf8")).toContain("written by slyconv");
    expect((await runCli(["export", out, path.join(path.dirname(out), "voc"), "-f", "voc"])).code).toBe(0);
    expect(fs.existsSync(path.join(path.dirname(out), "voc", OUTPUT_MARKER))).toBe(true);
    expect((await runCli(["import", COCO_SAMPLE, out, "--force"])).code).toBe(0);
    fs.rmSync(path.join(out, OUTPUT_MARKER));
    const r = await runCli(["import", COCO_SAMPLE, out, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("slyconv did not write it (it has no .slyconv-output file)");
    expect(fs.existsSync(path.join(out, "meta.json"))).toBe(true);
  });

  it("an empty folder is filled without --force", async () => {
    const out = tempDir();
    expect((await runCli(["import", COCO_SAMPLE, out])).code).toBe(0);
    expect(listFiles(out)).toContain("meta.json");
  });
});

describe("the final rename never replaces what appeared during the run", () => {
  const build = (target: string, intruder: (target: string) => void) => async (tmp: string) => {
    fs.writeFileSync(path.join(tmp, "new.txt"), "new");
    intruder(target);
  };

  it("an output empty at the start that got a file during the run keeps it: refused instead", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    fs.mkdirSync(out);
    const run = writeAtomically(out, {}, "dir", build(out, (t) => fs.writeFileSync(path.join(t, "theirs.txt"), "theirs")));
    await expect(run).rejects.toMatchObject({ code: "output-changed", exitCode: 2 });
    expect(fs.readdirSync(out)).toEqual(["theirs.txt"]);
    expect(fs.readdirSync(parent)).toEqual(["out"]);
  });

  it("an output absent at the start that appeared during the run (a folder with a file, or a file) is kept", async () => {
    for (const make of [(t: string) => { fs.mkdirSync(t); fs.writeFileSync(path.join(t, "theirs.txt"), "x"); }, (t: string) => fs.writeFileSync(t, "x")]) {
      const parent = tempDir();
      const out = path.join(parent, "out");
      await expect(writeAtomically(out, {}, "dir", build(out, make))).rejects.toMatchObject({ code: "output-changed" });
      expect(fs.readdirSync(parent)).toEqual(["out"]);
      const file = path.join(parent, "out.zip");
      await expect(writeAtomically(file, {}, "file", async (tmp) => { fs.writeFileSync(tmp, "PK\x03\x04new"); make(file); })).rejects.toMatchObject({ code: "output-changed" });
      expect(fs.readdirSync(parent).sort()).toEqual(["out", "out.zip"]);
      expect(fs.statSync(file).isFile() ? fs.readFileSync(file, "utf8") : fs.readdirSync(file)).toEqual(fs.statSync(file).isFile() ? "x" : ["theirs.txt"]);
    }
  });

  it("a folder slyconv wrote, replaced by another folder (or unmarked) during a --force run, is kept", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, OUTPUT_MARKER), "");
    fs.writeFileSync(path.join(out, "old.txt"), "old");
    await expect(writeAtomically(out, { force: true }, "dir", build(out, (t) => fs.rmSync(path.join(t, OUTPUT_MARKER))))).rejects.toMatchObject({ code: "output-changed" });
    expect(fs.readdirSync(out)).toEqual(["old.txt"]);
    expect(fs.readdirSync(parent)).toEqual(["out"]);
  });
});

describe("crash recovery", () => {
  it("the next run puts back an output a killed run had moved aside, and replaces it only with --force", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    // What a run killed between its two renames leaves: the previous output moved aside, its new one complete.
    const dead = 999_999_999;
    const old = path.join(parent, `.out.slyconv-old-${dead}-0badc0de`);
    fs.mkdirSync(old);
    fs.writeFileSync(path.join(old, OUTPUT_MARKER), "");
    fs.writeFileSync(path.join(old, "previous.txt"), "previous");
    fs.mkdirSync(path.join(parent, `.out.slyconv-tmp-${dead}-0badc0de`));
    await expect(writeAtomically(out, {}, "dir", async () => {})).rejects.toThrow("pass `force`");
    expect(fs.readdirSync(parent)).toEqual(["out"]);
    expect(fs.readFileSync(path.join(out, "previous.txt"), "utf8")).toBe("previous");
    await writeAtomically(out, { force: true }, "dir", async (tmp) => fs.writeFileSync(path.join(tmp, "new.txt"), "new"));
    expect(fs.readdirSync(out).sort()).toEqual([OUTPUT_MARKER, "new.txt"]);
  });
});
