/** `slyconv validate` on the command line: exit codes, the human line format and the --json shape. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparable, fixturesDir, readExpected, repoRoot } from "./helpers.js";
import { assertDistFresh, runCli } from "../helpers/cli.js";

let tmp: string;

/** A copy of the built binary, in a child process. */
function runBinary(binary: string, args: string[]) {
  const r = spawnSync(process.execPath, [binary, ...args], {
    cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" }, timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // dist/ is built once, before the suite (npm test's pretest): rebuilding it here would rewrite the modules other
  // test files are loading at the same moment.
  assertDistFresh();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "slyconv-validate-cli-"));
}, 300_000);
afterAll(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

const fixture = (kind: string, name: string) => path.join(fixturesDir, kind, name);

describe("slyconv validate", () => {
  it("exits 0 on a valid project and prints the summary", async () => {
    const r = await runCli(["validate", fixture("valid", "all-geometries")]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toBe("2 items checked: 0 errors, 0 warnings\n");
  });

  it("exits 1 on errors and prints `file#pointer: error message [code]`", async () => {
    const r = await runCli(["validate", fixture("broken", "image-size-mismatch")]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")).toEqual([
      "ds/ann/a.png.json#/size: error size says 10×6 (width×height) but ds/img/a.png is 8×6 [image-size-mismatch]",
      "ds/ann/b.png.json#/annotation/size: error size says 8×5 (width×height) but ds/img/b.png is 8×6 [image-size-mismatch]",
      "",
    ]);
  });

  it("prints file:line:column for JSON syntax errors", async () => {
    const r = await runCli(["validate", fixture("broken", "json-syntax")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ds\/ann\/a\.png\.json:4:\d+: error malformed JSON: .+ \[json-syntax\]\n$/);
  });

  it("exits 0 when there are warnings only", async () => {
    const r = await runCli(["validate", fixture("broken", "coordinate-outside-image")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("ds/ann/a.png.json#/objects/0/points/exterior/1: warning point (10, 3) is outside the 8×6 image");
    expect(r.stdout).toBe("1 item checked: 0 errors, 3 warnings\n");
  });

  it("exits 2 on usage errors: missing folder, missing argument", async () => {
    const missing = await runCli(["validate", path.join(tmp, "no-such-project")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`slyconv: project folder ${path.join(tmp, "no-such-project")} does not exist\n`);
    expect((await runCli(["validate"])).code).toBe(2);
  });

  it("--json prints one JSON document with the findings, before or after the command", async () => {
    const dir = fixture("broken", "tag-value-type");
    for (const args of [["validate", dir, "--json"], ["--json", "validate", dir]]) {
      const r = await runCli(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("");
      const out = JSON.parse(r.stdout);
      expect(out).toMatchObject({ command: "validate", project: dir, items: 1, errors: 6, warnings: 0, byCode: { "tag-value-type": { severity: "error", count: 6 } } });
      expect(typeof out.seconds).toBe("number");
      expect(comparable(out.findings, true)).toEqual(comparable(readExpected(dir).findings, true));
      for (const f of out.findings) expect(Object.keys(f).sort()).toEqual(["code", "file", "message", "pointer", "severity"]);
    }
  });

  it("--json on a valid project has no findings and exits 0", async () => {
    const r = await runCli(["--json", "validate", fixture("valid", "lenient-forms")]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toMatchObject({ items: 5, errors: 0, warnings: 0, findings: [] });
  });

  it("finds its schemas from the npm package layout (dist/src/validate → ../../../schemas)", () => {
    // The files package.json ships, copied elsewhere: the built code must not depend on the source tree.
    const pkg = path.join(tmp, "pkg");
    for (const part of ["bin", "dist/src", "dist/formats", "schemas", "package.json"]) {
      fs.cpSync(path.join(repoRoot, part), path.join(pkg, part), { recursive: true });
    }
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(pkg, "node_modules"));
    const r = runBinary(path.join(pkg, "bin/slyconv.js"), ["validate", fixture("broken", "annotation-schema")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ds/ann/a.png.json#/objects/0: error missing required property `tags` [annotation-schema]");
  });
});
