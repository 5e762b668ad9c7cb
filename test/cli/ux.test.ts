/**
 * The CLI as a user meets it (issue 22): help with examples and the global options, quiet output, one summary line
 * for YOLO conversions, format aliases and suggestions, hints for common mistakes, messages that say things once.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";
import { FORMAT_ALIASES, findFormat } from "../../src/registry.js";
import { Report } from "../../src/report.js";

const COMMANDS = ["import", "export", "convert", "validate", "detect", "formats"];
const DEMO = path.join(FIXTURES, "demo/coco-sample");
const CANONICAL = path.join(FIXTURES, "supervisely/canonical");

/** The canonical project without its annotation-only dataset (which validate reports): a clean project. */
function cleanProject(): string {
  const dir = path.join(tempDir(), "project");
  fs.cpSync(CANONICAL, dir, { recursive: true });
  fs.rmSync(path.join(dir, "ds1-no-image"), { recursive: true });
  return dir;
}

/** A clean project with one annotation file removed: exactly one `annotation-missing`. */
function projectMissingOneAnnotation(): string {
  const dir = cleanProject();
  fs.rmSync(path.join(dir, "ds1/ann/a.png.json"));
  return dir;
}

describe("--help", () => {
  it.each(COMMANDS)("%s --help shows examples and the global options", async (cmd) => {
    const r = await runCli([cmd, "--help"]);
    expect(r.code).toBe(0);
    const examples = r.stdout.slice(r.stdout.indexOf("\nExamples:\n"));
    expect(r.stdout).toContain("\nExamples:\n");
    expect(examples).toMatch(new RegExp(`^  slyconv ${cmd}\\b`, "m"));
    const globals = r.stdout.slice(r.stdout.indexOf("Global Options:"));
    expect(r.stdout).toContain("Global Options:");
    for (const flag of ["--json", "-q, --quiet", "--debug", "-V, --version"]) expect(globals).toContain(flag);
  });

  it("bare slyconv prints the help on stderr and exits 2; `slyconv help` exits 0", async () => {
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("Usage: slyconv [options] [command]");
    expect(bare.stderr).toContain("Examples:");
    const help = await runCli(["help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: slyconv [options] [command]");
  });
});

describe("what a run prints", () => {
  it("COCO → YOLO reports its conversions in one info line (and a camelCase statistic)", async () => {
    const out = path.join(tempDir(), "yolo");
    const r = await runCli(["convert", DEMO, out, "--to", "yolo", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    const converted = summary.findings.filter((f: { code: string }) => f.code === "yolo-converted");
    expect(converted.map((f: { message: string }) => f.message)).toEqual([
      "2 polygon labels written as boxes (car, tree); 1 graph label written as boxes (person_keypoints)",
    ]);
    expect(summary.stats.yoloLabelsConverted).toBe(3);
  });

  it("-q leaves out info lines and the summary line, not warnings", async () => {
    const loud = await runCli(["convert", DEMO, path.join(tempDir(), "y"), "--to", "yolo"]);
    expect(loud.code, loud.stderr).toBe(0);
    expect(loud.stderr.split("\n").filter((l) => l.startsWith("info ")).length).toBe(2);
    expect(loud.stdout).toMatch(/^converted coco → yolo into /);
    const quiet = await runCli(["-q", "convert", DEMO, path.join(tempDir(), "y"), "--to", "yolo"]);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toMatch(/\binfo\b/);
    expect(quiet.stdout).toBe("");

    const project = projectMissingOneAnnotation();
    const warned = await runCli(["-q", "import", project, path.join(tempDir(), "p"), "-f", "supervisely"]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe("ds1/img/a.png: warning image has no annotation file; an empty annotation is used [annotation-missing]\n");
  });

  it("one warning is \"1 warning\", in import and validate summaries, under the same code validate uses", async () => {
    const project = projectMissingOneAnnotation();
    const imp = await runCli(["import", project, path.join(tempDir(), "p"), "-f", "supervisely"]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/^imported 3 items \(supervisely\) into .*, 1 warning\n$/);
    const val = await runCli(["validate", project]);
    expect(val.stdout).toMatch(/^3 items checked: 0 errors, 1 warning\n$/);
    expect(val.stderr).toContain("[annotation-missing]");
    const json = JSON.parse((await runCli(["validate", project, "--json"])).stdout);
    expect(Object.keys(json.byCode)).toEqual(["annotation-missing"]);
  });
});

describe("format names", () => {
  it.each(Object.entries(FORMAT_ALIASES))("%s is %s", async (alias, name) => {
    expect(findFormat(alias)?.name).toBe(name);
    expect(findFormat(alias.toUpperCase())?.name).toBe(name);
  });

  it("aliases work on the command line", async () => {
    const r = await runCli(["import", path.join(FIXTURES, "yolo/detect"), path.join(tempDir(), "p"), "-f", "ultralytics", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe("yolo");
    const e = await runCli(["export", CANONICAL, path.join(tempDir(), "v"), "-f", "pascal-voc", "-q"]);
    expect(e.code, e.stderr).toBe(0);
    expect(fs.existsSync(path.join(tempDir(), "v"))).toBe(false);
  });

  it.each([
    [["export", CANONICAL, "OUT", "-f", "yolo8"], "yolo"],
    [["export", CANONICAL, "OUT", "-f", "cocoo"], "coco"],
    [["convert", CANONICAL, "OUT", "--to", "pascal"], "voc"],
    [["import", CANONICAL, "OUT", "-f", "supervisly"], "supervisely"],
  ])("%j suggests %s", async (args, suggestion) => {
    const r = await runCli(args.map((a) => (a === "OUT" ? path.join(tempDir(), "o") : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^slyconv: unknown format "[^"]+"; did you mean ${suggestion}\\? known formats: supervisely, coco, voc, yolo, masks, links \\(also accepted: .*pascal_voc.*\\)\\n$`));
  });

  it("a name far from every format gets no suggestion", async () => {
    const r = await runCli(["export", CANONICAL, path.join(tempDir(), "o"), "-f", "tfrecord"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^slyconv: unknown format "tfrecord"; known formats: /);
  });

  it("convert -f suggests --from, before anything else is checked", async () => {
    for (const args of [["convert", "-f", "coco", DEMO, "o", "--to", "yolo"], ["convert", DEMO, "o", "-f", "coco"]]) {
      const r = await runCli(args, { cwd: tempDir() });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("slyconv: convert takes --from <format> for the input (detected when absent) and --to <format> for the output, not -f; did you mean --from coco?\n");
    }
  });
});

describe("inputs and outputs", () => {
  it("an empty input folder is called empty (exit 2)", async () => {
    const empty = path.join(tempDir(), "empty");
    fs.mkdirSync(empty);
    const out = path.join(tempDir(), "o");
    for (const args of [["import", empty, out], ["import", empty, out, "-f", "coco"], ["detect", empty], ["convert", empty, out, "--to", "voc"]]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`slyconv: input folder ${empty} is empty [input-empty]\n`);
    }
    const e = await runCli(["export", empty, out, "-f", "voc"]);
    expect(e.code).toBe(2);
    expect(e.stderr).toBe(`slyconv: project folder ${empty} is empty [input-empty]\n`);
  });

  it("no error message names its path twice", async () => {
    const dir = tempDir();
    const empty = path.join(dir, "nothing-here");
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(empty, "readme.txt"), "not a dataset\n");
    const missing = path.join(dir, "missing");
    const cases = [
      ["import", missing, path.join(dir, "o")],
      ["export", missing, path.join(dir, "o"), "-f", "coco"],
      ["export", empty, path.join(dir, "o"), "-f", "coco"],
      ["import", empty, path.join(dir, "o")],
      ...["coco", "voc", "yolo", "masks", "links", "supervisely"].map((f) => ["import", empty, path.join(dir, "o"), "-f", f]),
    ];
    for (const args of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).not.toBe(0);
      const line = r.stderr.trim();
      expect(line.split("\n")).toHaveLength(1);
      for (const p of [missing, empty]) expect(line.split(p).length - 1, line).toBeLessThanOrEqual(1);
    }
  });

  it("export to out.zip without --archive writes the zip archive; out.tar is refused; out.zip/ is a folder", async () => {
    const dir = tempDir();
    const zip = path.join(dir, "out.zip");
    const r = await runCli(["export", CANONICAL, zip, "-f", "voc", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).output).toBe(zip);
    expect(fs.statSync(zip).isFile()).toBe(true);
    expect(fs.readFileSync(zip).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const tgz = path.join(dir, "out.tgz");
    expect((await runCli(["convert", CANONICAL, tgz, "--to", "yolo", "-q"])).code).toBe(0);
    expect(fs.readFileSync(tgz).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const tar = await runCli(["export", CANONICAL, path.join(dir, "out.tar"), "-f", "voc"]);
    expect(tar.code).toBe(2);
    expect(tar.stderr).toMatch(/names a \.tar archive, which is not written; name it \.tar\.gz or \.zip/);
    expect(fs.existsSync(path.join(dir, "out.tar"))).toBe(false);

    const folder = path.join(dir, "folder.zip");
    expect((await runCli(["export", CANONICAL, folder + "/", "-f", "voc", "-q"])).code).toBe(0);
    expect(fs.statSync(folder).isDirectory()).toBe(true);
  });

  it("--json stats keys are camelCase in every command", async () => {
    const runs = [
      ["import", DEMO, path.join(tempDir(), "p"), "--json"],
      ["convert", DEMO, path.join(tempDir(), "y"), "--to", "yolo", "--json"],
      ["import", path.join(FIXTURES, "voc/devkit"), path.join(tempDir(), "v"), "--json"],
      ["export", CANONICAL, path.join(tempDir(), "m"), "-f", "masks", "--json"],
      ["validate", cleanProject(), "--json"],
    ];
    for (const args of runs) {
      const r = await runCli(args);
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout);
      const keys = [...Object.keys(summary), ...Object.keys(summary.stats)];
      expect(keys.filter((k) => !/^[a-z][a-zA-Z0-9]*$/.test(k)), args.join(" ")).toEqual([]);
    }
    expect(() => new Report().count("coco-images")).toThrow(/not camelCase/);
  });
});

describe("yolo --skip-bad-lines", () => {
  const BAD = path.join(FIXTURES, "yolo/bad-class-id");

  it("without it a bad line is an error; with it a counted warning, and the good lines are read", async () => {
    expect((await runCli(["import", BAD, path.join(tempDir(), "o"), "-f", "yolo"])).code).toBe(1);
    const out = path.join(tempDir(), "o");
    const r = await runCli(["import", BAD, out, "-f", "yolo", "--skip-bad-lines", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.findings.filter((f: { severity: string }) => f.severity === "warning")).toEqual([
      { severity: "warning", code: "yolo-label-skipped", message: "class id 5 is not in names (0..1); the line is skipped", file: "labels/train/x.txt", line: 3 },
    ]);
    expect(summary.stats.yoloLinesSkipped).toBe(1);
    const ann = JSON.parse(fs.readFileSync(path.join(out, "train/ann/x.png.json"), "utf8"));
    expect(ann.objects.map((o: { classTitle: string }) => o.classTitle)).toEqual(["a", "b"]);
  });
});
