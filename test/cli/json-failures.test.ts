import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { runCli, type CliResult } from "../helpers/cli.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";

const CANONICAL = path.join(FIXTURES, "supervisely/canonical");
const DEMO = path.join(FIXTURES, "demo/coco-sample");

/** stdout must be exactly one JSON object (JSON.parse refuses anything before or after it). */
function onlyObject(r: CliResult): Record<string, any> {
  const parsed = JSON.parse(r.stdout);
  expect(typeof parsed).toBe("object");
  expect(Array.isArray(parsed)).toBe(false);
  return parsed;
}

const noPlace = { file: null, line: null, column: null, pointer: null };

describe("--json prints exactly one object on stdout, failures included", () => {
  it("a usage error from the command line (exit 2)", async () => {
    const r = await runCli(["--json", "import", DEMO, path.join(tempDir(), "o"), "--bogus"]);
    expect(r.code).toBe(2);
    expect(onlyObject(r)).toEqual({ ok: false, exitCode: 2, error: { code: "usage", message: "unknown option '--bogus'", ...noPlace } });
    // No command at all: the help goes to stderr, the object to stdout.
    const bare = await runCli(["--json"]);
    expect(bare.code).toBe(2);
    expect(onlyObject(bare)).toEqual({ ok: false, exitCode: 2, error: { code: "usage", message: "a command is missing; run slyconv --help", ...noPlace } });
  });

  it("a bad option value the library refuses (exit 2) names the command", async () => {
    const r = await runCli(["--json", "export", CANONICAL, path.join(tempDir(), "o"), "-f", "nope"]);
    expect(r.code).toBe(2);
    const j = onlyObject(r);
    expect(j).toMatchObject({ ok: false, command: "export", exitCode: 2, error: { code: "usage", ...noPlace } });
    expect(j.error.message).toMatch(/^unknown format "nope"/);
  });

  it("a missing input and a refused output (exit 2) give the file", async () => {
    const missing = await runCli(["--json", "import", "/nonexistent/in", path.join(tempDir(), "o")]);
    expect(missing.code).toBe(2);
    expect(onlyObject(missing)).toEqual({ ok: false, command: "import", exitCode: 2, error: { code: "input-missing", message: "input /nonexistent/in does not exist", ...noPlace, file: "/nonexistent/in" } });
    const work = tempDir();
    fs.cpSync(DEMO, path.join(work, "data"), { recursive: true });
    const refused = await runCli(["--json", "convert", "data", "data", "--to", "voc", "--force"], { cwd: work });
    expect(refused.code).toBe(2);
    expect(onlyObject(refused)).toEqual({ ok: false, command: "convert", exitCode: 2, error: { code: "output-refused", message: "cannot be the output: it is the input data", ...noPlace, file: "data" } });
  });

  it("a data error (exit 1) gives the file, line and column, or the JSON pointer", async () => {
    const dir = tempDir();
    fs.cpSync(CANONICAL, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "ds1/ann/a.png.json"), '{"size": {"height": 6, "width": 8},\n "tags": [], "objects": [}');
    const r = await runCli(["--json", "import", dir, path.join(tempDir(), "o"), "-f", "supervisely"]);
    expect(r.code).toBe(1);
    const j = onlyObject(r);
    expect(j).toMatchObject({ ok: false, command: "import", exitCode: 1, error: { code: "json-syntax", line: 2, column: 26, pointer: null } });
    expect(j.error.file).toMatch(/ds1\/ann\/a\.png\.json$/);
    expect(j.error.message).toMatch(/^malformed JSON/);

    fs.writeFileSync(path.join(dir, "ds1/ann/a.png.json"), '{"size": {"height": 6, "width": 8}, "tags": [], "objects": 5}');
    const typed = onlyObject(await runCli(["--json", "import", dir, path.join(tempDir(), "o"), "-f", "supervisely"]));
    expect(typed.error).toMatchObject({ code: "sly-json", pointer: "/objects", line: null });
    expect(typed.error.file).toMatch(/ds1\/ann\/a\.png\.json$/);
  });

  it("a finished run says ok: true, or ok: false when it found errors (exit 1)", async () => {
    const r = await runCli(["--json", "import", DEMO, path.join(tempDir(), "o")]);
    expect(r.code).toBe(0);
    expect(onlyObject(r)).toMatchObject({ ok: true, command: "import", errors: 0 });
    const v = await runCli(["--json", "validate", "/nonexistent/project"]);
    expect(v.code).toBe(2);
    expect(onlyObject(v)).toEqual({ ok: false, command: "validate", exitCode: 2, error: { code: "usage", message: "project folder /nonexistent/project does not exist", ...noPlace } });
  });
});

describe("detect --json lists every candidate with its confidence", () => {
  it("an ambiguous input: ok false, the error, and both candidates", async () => {
    const dir = tempDir();
    fs.cpSync(path.join(FIXTURES, "yolo/detect"), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "Annotations"));
    fs.writeFileSync(path.join(dir, "Annotations/x.xml"), "<annotation><filename>x.jpg</filename></annotation>");
    const r = await runCli(["--json", "detect", dir]);
    expect(r.code).toBe(1);
    const j = onlyObject(r);
    expect(j).toMatchObject({ ok: false, command: "detect", exitCode: 1, error: { code: "format-ambiguous", file: dir } });
    const byFormat = Object.fromEntries(j.candidates.map((c: { format: string; confidence: number }) => [c.format, c.confidence]));
    expect(byFormat.voc).toBe(0.9);
    expect(byFormat.yolo).toBeGreaterThanOrEqual(0.8);
    for (const c of j.candidates) expect(c.evidence.length).toBeGreaterThan(0);
  });

  it("a known format: ok true, the winner and every candidate", async () => {
    const j = onlyObject(await runCli(["--json", "detect", DEMO]));
    expect(j).toMatchObject({ ok: true, command: "detect", format: "coco" });
    expect(j.candidates[0]).toMatchObject({ format: "coco", confidence: j.confidence });
  });

  it("an unknown format: ok false, with the (weak or no) candidates", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "readme.txt"), "nothing here");
    const r = await runCli(["--json", "detect", dir]);
    expect(r.code).toBe(1);
    expect(onlyObject(r)).toMatchObject({ ok: false, command: "detect", error: { code: "format-unknown", file: dir }, candidates: [] });
  });
});
