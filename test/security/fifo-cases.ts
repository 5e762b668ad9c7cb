/**
 * What the FIFO tests share (test/security/fifo.test.ts; fifo.slow.test.ts has the Supervisely cases through a
 * symlink): the CLI as a child process killed after 30 s, and projects with a FIFO where a file is read.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";

export const canMkfifo = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;

export function mkfifo(p: string): void {
  execFileSync("mkfifo", [p]);
}

/** The CLI, killed if it takes longer than 30 s (a FIFO read blocks forever). */
export function run(args: string[]): { code: number | null; stderr: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 30_000, killSignal: "SIGKILL", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stderr: r.stderr, signal: r.signal };
}

/** The canonical fixture project, with `replace` (relative path) turned into a FIFO or a symlink to one. */
function projectWithFifo(replace: string, viaSymlink: boolean): string {
  const dir = tempDir();
  const project = path.join(dir, "project");
  fs.cpSync(path.join(FIXTURES, "supervisely/canonical"), project, { recursive: true });
  const target = path.join(project, replace);
  fs.rmSync(target, { force: true });
  if (viaSymlink) {
    mkfifo(path.join(dir, "pipe"));
    fs.symlinkSync(path.join(dir, "pipe"), target);
  } else mkfifo(target);
  return project;
}

/** A FIFO as an annotation file and as meta.json of a Supervisely project, itself or through a symlink. */
export function superviselyFifoTests(viaSymlink: boolean): void {
  const how = viaSymlink ? "a symlink to a FIFO" : "a FIFO";
  it(`ann/zz.png.json as ${how}: import stops with file-unreadable, validate reports it; neither blocks`, () => {
    const project = projectWithFifo("ds1/ann/zz.png.json", viaSymlink);
    const out = path.join(path.dirname(project), "out");
    const imp = run(["import", project, out, "-f", "supervisely", "--quiet"]);
    expect(imp.signal).toBeNull();
    expect(imp.code).toBe(1);
    expect(imp.stderr).toBe("slyconv: ds1/ann/zz.png.json: cannot read file (it is a named pipe, not a regular file) [file-unreadable]\n");
    expect(fs.existsSync(out)).toBe(false);
    const val = run(["validate", project, "--quiet"]);
    expect(val.signal).toBeNull();
    expect(val.code).toBe(1);
    expect(val.stderr).toContain("ds1/ann/zz.png.json: error cannot read the file (it is a named pipe, not a regular file) [file-unreadable]");
  }, 120_000);

  it(`meta.json as ${how}: import and validate stop with file-unreadable, detect answers`, () => {
    const project = projectWithFifo("meta.json", viaSymlink);
    const out = path.join(path.dirname(project), "out");
    const imp = run(["import", project, out, "-f", "supervisely", "--quiet"]);
    expect(imp.signal).toBeNull();
    expect(imp.code).toBe(1);
    expect(imp.stderr).toBe("slyconv: meta.json: cannot read file (it is a named pipe, not a regular file) [file-unreadable]\n");
    const val = run(["validate", project, "--quiet"]);
    expect(val.signal).toBeNull();
    expect(val.code).toBe(1);
    expect(val.stderr).toContain("meta.json: error cannot read the file (it is a named pipe, not a regular file) [file-unreadable]");
    const det = run(["detect", project]);
    expect(det.signal).toBeNull();
    expect(det.code).toBe(0);
  }, 120_000);
}
