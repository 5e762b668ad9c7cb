import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { runCli, spawnCli } from "../helpers/cli.js";
import { FIXTURES, REPO_ROOT, diffTrees, tempDir } from "../helpers/paths.js";

const CANONICAL = path.join(FIXTURES, "supervisely/canonical");
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));

describe("slyconv CLI frame", () => {
  it("--version prints the package version", async () => {
    const r = await runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("the built binary, as a process: its version, and exit status 0, 1 and 2 with the message on stderr", () => {
    const version = spawnCli(["--version"]);
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    const usage = spawnCli(["frobnicate"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown command 'frobnicate'");
    const dir = tempDir();
    fs.cpSync(CANONICAL, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "ds1/ann/a.png.json"), '{"size": {"height": 6, "width": 8},\n "tags": [], "objects": [}');
    const data = spawnCli(["import", dir, path.join(tempDir(), "o"), "-f", "supervisely"]);
    expect(data.code).toBe(1);
    expect(data.stderr).toMatch(/^slyconv: ds1\/ann\/a\.png\.json:2:\d+: malformed JSON: .* \[json-syntax\]\n$/);
  });

  it("--help lists the commands with examples and exit codes", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const cmd of ["import", "export", "validate", "convert", "detect", "formats"]) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("Exit codes: 0 done, 1 problems in the data, 2 usage, 70 internal error (a bug: run again with --debug).");
    expect((await runCli(["import", "--help"])).stdout).toContain("--force");
  });

  it("usage mistakes exit 2 with a one-line message", async () => {
    const unknown = await runCli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const missingArg = await runCli(["import"]);
    expect(missingArg.code).toBe(2);
    const missingInput = await runCli(["import", "/definitely/not/here", path.join(tempDir(), "o")]);
    expect(missingInput.code).toBe(2);
    expect(missingInput.stderr.trim()).toBe("slyconv: input /definitely/not/here does not exist [input-missing]");
    const badFormat = await runCli(["import", CANONICAL, path.join(tempDir(), "o"), "-f", "nope"]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('unknown format "nope"');
  });

  it("imports a Supervisely project byte for byte and prints a summary", async () => {
    const out = path.join(tempDir(), "out");
    const r = await runCli(["import", CANONICAL, out, "-f", "supervisely", "--images", "copy"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`imported 4 items (supervisely) into ${out}`);
    expect(diffTrees(CANONICAL, out)).toEqual([]);
  });

  it("--json prints one machine-readable summary", async () => {
    const out = path.join(tempDir(), "out");
    const r = await runCli(["--json", "import", CANONICAL, out, "-f", "supervisely"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ command: "import", format: "supervisely", items: 4, errors: 0, warnings: 0, lossy: [] });
    expect(typeof s.seconds).toBe("number");
  });

  it("refuses an output it wrote without --force (exit 2) and replaces it with --force", async () => {
    const out = path.join(tempDir(), "out");
    expect((await runCli(["import", CANONICAL, out, "-f", "supervisely"])).code).toBe(0);
    fs.writeFileSync(path.join(out, "extra.txt"), "x");
    const r = await runCli(["import", CANONICAL, out, "-f", "supervisely"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not empty; pass --force");
    expect(fs.existsSync(path.join(out, "extra.txt"))).toBe(true);
    expect((await runCli(["import", CANONICAL, out, "-f", "supervisely", "--force"])).code).toBe(0);
    expect(fs.existsSync(path.join(out, "extra.txt"))).toBe(false);
  });

  it("never replaces a non-empty folder it did not write, --force or not (exit 2)", async () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, "precious.txt"), "x");
    for (const force of [[], ["--force"]]) {
      const r = await runCli(["import", CANONICAL, out, "-f", "supervisely", ...force]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`slyconv: ${out}: cannot be the output: the folder is not empty and slyconv did not write it (it has no .slyconv-output file); slyconv replaces only folders it wrote, or empty ones: choose another output, or empty it yourself [output-refused]\n`);
      expect(fs.readdirSync(out)).toEqual(["precious.txt"]);
    }
  });

  it("bad data exits 1 with file and position, no stack unless --debug", async () => {
    const dir = tempDir();
    fs.cpSync(CANONICAL, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "ds1/ann/a.png.json"), '{"size": {"height": 6, "width": 8},\n "tags": [], "objects": [}');
    const r = await runCli(["import", dir, path.join(tempDir(), "o"), "-f", "supervisely"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^slyconv: ds1\/ann\/a\.png\.json:2:\d+: malformed JSON: .* \[json-syntax\]\n$/);
    const debug = await runCli(["--debug", "import", dir, path.join(tempDir(), "o"), "-f", "supervisely"]);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain("    at ");
  });

  it("formats prints the table built from the adapters", async () => {
    const r = await runCli(["formats"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| supervisely | yes | yes |");
    const j = JSON.parse((await runCli(["--json", "formats"])).stdout);
    expect(j.find((f: { name: string }) => f.name === "supervisely")).toMatchObject({ read: true, write: true });
  });

  it("detect names the format and its evidence", async () => {
    const r = await runCli(["detect", CANONICAL]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("supervisely (confidence 0.95)");
    expect(r.stdout).toContain("meta.json");
  });
});
