/**
 * `slyconv … | head -1`: the reader closes the pipe before slyconv has written. The command must end as it would
 * have (its exit code, its output folder in place) without Node's uncaught-EPIPE stack on stderr.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, assertDistFresh, runCli } from "../helpers/cli.js";
import { FIXTURES, REPO_ROOT, listFiles, tempDir } from "../helpers/paths.js";

/** Runs the binary with its stdout's reading end closed at once, so that its first write meets EPIPE. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, CI: "true", NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("stdout closed by its reader", () => {
  assertDistFresh();

  it("--help ends with exit 0 and no stack", async () => {
    const r = await runWithClosedStdout(["convert", "--help"]);
    expect(r.stderr).not.toMatch(/EPIPE|at .*node:internal/);
    expect(r.code).toBe(0);
  });

  it("a conversion whose --json summary cannot be written still finishes its output", async () => {
    const out = path.join(tempDir(), "out");
    const r = await runWithClosedStdout(["import", path.join(FIXTURES, "coco/full"), out, "-f", "coco", "--images", "none", "--json"]);
    expect(r.stderr).not.toMatch(/EPIPE|at .*node:internal/);
    expect(r.code).toBe(0);
    // The same project as a run whose stdout is read.
    const expected = path.join(tempDir(), "expected");
    expect((await runCli(["import", path.join(FIXTURES, "coco/full"), expected, "-f", "coco", "--images", "none", "--json"])).code).toBe(0);
    const files = (dir: string) => listFiles(dir).filter((f) => !f.startsWith(".slyconv")).sort();
    expect(files(out)).toEqual(files(expected));
    for (const f of files(expected)) expect(fs.readFileSync(path.join(out, f), "utf8"), f).toBe(fs.readFileSync(path.join(expected, f), "utf8"));
  });
});
