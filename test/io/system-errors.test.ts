/**
 * Issue 18 point 4: disk and system errors get one line naming the path and what to do, and exit 1 (data, disk) or
 * 2 (the path asked for), never 70. Every row of the table (src/io/system-errors.ts, docs/bad-input/outputs.md) is checked
 * with an injected error; the full disk, the read-only file system, an output under a file and outputs in /proc and
 * /sys are also run for real through the CLI (a full disk and a read-only disk are small tmpfs mounts in a private
 * mount namespace, `unshare -m`, where that is allowed: root on Linux; skipped with a message elsewhere).
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SYSTEM_ERRORS, userErrorFromSystemError, userVisiblePath } from "../../src/io/system-errors.js";
import { writeAtomically } from "../../src/io/safe-output.js";
import { SlyconvError } from "../../src/errors.js";
import { BIN, runCli } from "../helpers/cli.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";
import { makePolygonProject } from "../helpers/projects.js";

const errno = (code: string, syscall: string, p?: string) =>
  Object.assign(new Error(`${code}: some text, ${syscall}${p ? ` '${p}'` : ""}`), { code, syscall, ...(p ? { path: p } : {}) });

describe("the errno table", () => {
  const output = "/data/out";
  for (const [code, row] of Object.entries(SYSTEM_ERRORS)) {
    it(`${code} → ${row.code}, exit ${row.exit === "path" ? "2 for the output, 1 for an input file" : row.exit}`, async () => {
      const inOutput = userErrorFromSystemError(errno(code, "open", "/data/.out.slyconv-tmp-123-0a1b2c3d/ds/ann/a.png.json"), { output });
      expect(inOutput).toBeInstanceOf(SlyconvError);
      expect(inOutput!.code).toBe(row.code);
      // The temporary sibling is never shown: the user knows the output's name.
      expect(inOutput!.location.file).toBe("/data/out/ds/ann/a.png.json");
      expect(inOutput!.exitCode).toBe(row.exit === "path" ? 2 : row.exit);
      expect(inOutput!.message).toBe(`${row.message} (${code} in open)`);
      expect(inOutput!.describe()).not.toMatch(/\n/);
      const inInput = userErrorFromSystemError(errno(code, "open", "/data/in/a.json"), { output });
      if (row.outputOnly) expect(inInput).toBeNull();
      else expect(inInput!.exitCode).toBe(row.exit === "path" ? 1 : row.exit);
    });
  }

  it("an error without a path (ENOSPC in write) names the output", async () => {
    const e = userErrorFromSystemError(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write" }), { output: "out" });
    expect(e!.describe()).toBe("out: no space left on the disk; free some space, or write the output to another disk (ENOSPC in write)");
    expect(e!.exitCode).toBe(1);
  });

  it("an error rebuilt from a worker thread's message (code and message only) finds its path in the message", async () => {
    const e = userErrorFromSystemError(Object.assign(new Error("ENOSPC: no space left on device, open '/d/.o.slyconv-tmp-9-ff/ds/ann/x.json'"), { code: "ENOSPC" }), { output: "/d/o" });
    expect(e!.location.file).toBe("/d/o/ds/ann/x.json");
  });

  it("mkdir -p through a file (EEXIST on the file) is not-a-folder", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "afile"), "x");
    const e = userErrorFromSystemError(errno("EEXIST", "mkdir", path.join(dir, "afile")), { output: path.join(dir, "afile/out") });
    expect(e).toMatchObject({ code: "not-a-folder", exitCode: 2 });
  });

  it("engine limits: a string over 512 MB, a stack overflow, a failed buffer allocation are exit 1; other errors stay bugs", async () => {
    expect(userErrorFromSystemError(new RangeError("Invalid string length"))).toMatchObject({ code: "too-large", exitCode: 1 });
    expect(userErrorFromSystemError(Object.assign(new Error("Cannot create a string longer than 0x1fffffe8 characters"), { code: "ERR_STRING_TOO_LONG" }))).toMatchObject({ code: "too-large", exitCode: 1 });
    expect(userErrorFromSystemError(new RangeError("Maximum call stack size exceeded"))).toMatchObject({ code: "too-deep", exitCode: 1 });
    expect(userErrorFromSystemError(new RangeError("Array buffer allocation failed"))).toMatchObject({ code: "out-of-memory", exitCode: 1 });
    expect(userErrorFromSystemError(new TypeError("x is undefined"))).toBeNull();
    expect(userErrorFromSystemError(Object.assign(new Error("ENOENT: no such file, open 'in/a.json'"), { code: "ENOENT", path: "in/a.json" }), { output: "out" })).toBeNull();
  });

  it("the temporary sibling's name is mapped back to the output", async () => {
    expect(userVisiblePath("/a/.my out.slyconv-tmp-77-deadbeef/x/y.json")).toBe("/a/my out/x/y.json");
    expect(userVisiblePath("/a/.o.slyconv-old-1-0f")).toBe("/a/o");
    expect(userVisiblePath("/a/b/c.json")).toBe("/a/b/c.json");
  });

  it("writeAtomically turns a disk error of its build into the output's one-line error (injected ENOSPC)", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    const failure = writeAtomically(out, {}, "dir", async (tmp) => {
      throw errno("ENOSPC", "write", undefined);
      return tmp;
    });
    await expect(failure).rejects.toMatchObject({ code: "disk-full", exitCode: 1, location: { file: out } });
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});

/** Runs the CLI in a private mount namespace with a tmpfs at `mountPoint` (options `mountOptions`). */
function cliOnTmpfs(mountPoint: string, mountOptions: string, args: readonly string[], env: Record<string, string> = {}) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  return spawnSync("unshare", ["-m", "sh", "-c", `mount -t tmpfs -o ${mountOptions} tmpfs '${mountPoint}' && exec ${quoted}`], { encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1", ...env } });
}

const canMountTmpfs = (() => {
  if (process.platform !== "linux") return false;
  const dir = fs.mkdtempSync("/tmp/slyconv-mount-probe-");
  try {
    return spawnSync("unshare", ["-m", "sh", "-c", `mount -t tmpfs -o size=64k tmpfs '${dir}'`]).status === 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
if (!canMountTmpfs) console.warn("full-disk and read-only CLI cases skipped: no `unshare -m` with tmpfs mounts here (needs root on Linux); the injected-errno tests above cover the mapping");

describe.skipIf(!canMountTmpfs)("a real full disk and read-only file system (tmpfs in a private mount namespace)", () => {
  const project = path.join(tempDir(), "project");
  makePolygonProject(project, 200);

  for (const [what, args, env] of [
    ["import (the file-writer thread)", ["import", project, "OUT", "-f", "supervisely"], {}],
    ["import on the main thread", ["import", project, "OUT", "-f", "supervisely"], { SLYCONV_NO_WORKERS: "1" }],
    ["export to COCO", ["export", project, "OUT", "-f", "coco"], {}],
    ["export to a zip", ["export", project, "OUT", "-f", "coco", "--archive", "zip"], {}],
  ] as const) {
    it(`disk full during ${what}: exit 1, one line naming the output`, async () => {
      const mount = tempDir();
      const out = path.join(mount, "out");
      const r = cliOnTmpfs(mount, "size=256k", [...args.map((a) => (a === "OUT" ? out : a)), "--quiet"], env);
      expect(r.status).toBe(1);
      const shown = args.includes("zip") ? `${out}.zip` : out;
      expect(r.stderr).toBe(`slyconv: ${shown}: no space left on the disk; free some space, or write the output to another disk (ENOSPC in write) [disk-full]\n`);
    });
  }

  it("a read-only file system: exit 2, one line", async () => {
    const mount = tempDir();
    const out = path.join(mount, "out");
    const r = cliOnTmpfs(mount, "size=64k,ro", ["export", project, out, "-f", "voc", "--quiet"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^slyconv: ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: .*read-only file system.*\\[(read-only-file-system|output-refused)\\]\\n$`));
  });
});

describe("outputs the system refuses: one line, exit 2, never an internal error", () => {
  const project = path.join(FIXTURES, "supervisely/canonical");
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "afile"), "x");
  for (const out of [path.join(dir, "afile/out"), "/proc/slyconv-test-out", "/proc/self/slyconv-test-out", "/sys/slyconv-test-out"]) {
    it(out.replace(dir, "<tmp>"), async () => {
      if (out.startsWith("/proc") || out.startsWith("/sys")) {
        if (!fs.existsSync(out.startsWith("/proc") ? "/proc/self" : "/sys/kernel")) return;
      }
      const r = await runCli(["export", project, out, "-f", "coco", "--quiet"]);
      expect(r.stderr).not.toContain("internal error");
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^slyconv: [^\n]+\[[a-z-]+\]\n$/);
      expect(fs.readFileSync(path.join(dir, "afile"), "utf8")).toBe("x");
    });
  }
});

describe("docs/bad-input/outputs.md", () => {
  it("lists every row of the errno table with its message, code and exit", async () => {
    const doc = fs.readFileSync(path.join(FIXTURES, "../docs/bad-input/outputs.md"), "utf8");
    for (const [code, row] of Object.entries(SYSTEM_ERRORS)) {
      const line = doc.split("\n").find((l) => l.startsWith(`| \`${code}\` |`));
      expect(line, code).toBeDefined();
      expect(line).toContain(`| ${row.message} | \`${row.code}\` |`);
      expect(line).toMatch(row.exit === "path" ? /\| 2 \(the output\) \/ 1/ : new RegExp(`\\| ${row.exit}\\b`));
    }
  });
});
