/**
 * The CLI loads format implementations lazily (src/registry.ts): loading every reader and writer with their
 * dependencies made `slyconv --version` take half a second. These tests run the built binary with a module log
 * (test/helpers/module-log.mjs) and hold each command to what it needs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { FIXTURES, REPO_ROOT, tempDir } from "../helpers/paths.js";
import { encodeGrayPng } from "../../src/codecs/png-encode.js";

const MODULE_LOG = pathToFileURL(path.join(REPO_ROOT, "test/helpers/module-log.mjs")).href;

interface Loaded {
  code: number;
  stderr: string;
  /** Files of dist/, relative to it: "formats/coco/read.js". */
  project: string[];
  /** npm packages by name. */
  packages: string[];
}

/** Runs the built binary and returns what it loaded. */
function loadedBy(args: string[]): Loaded {
  if (!fs.existsSync(path.join(REPO_ROOT, "dist/src/cli/main.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  const log = path.join(tempDir(), "modules.log");
  fs.writeFileSync(log, "");
  const r = spawnSync(process.execPath, ["--import", MODULE_LOG, BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true", NO_COLOR: "1", SLYCONV_MODULE_LOG: log },
    timeout: 120_000,
  });
  const dist = pathToFileURL(path.join(REPO_ROOT, "dist")).href + "/";
  const project = new Set<string>(), packages = new Set<string>();
  for (const url of fs.readFileSync(log, "utf8").split("\n")) {
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (pkg) packages.add(pkg[1]);
    else if (url.startsWith(dist)) project.add(url.slice(dist.length));
  }
  return { code: r.status ?? -1, stderr: r.stderr, project: [...project].sort(), packages: [...packages].sort() };
}

/** Format modules other than the adapters' descriptors (index.js) and option lists (options.js). */
const formatImplementations = (l: Loaded) => l.project.filter((f) => f.startsWith("formats/") && !/^formats\/[^/]+\/(index|options)\.js$/.test(f));

describe("CLI start-up loads only what the command needs", () => {
  it.each([[["--version"]], [["--help"]], [["formats"]], [["--json", "formats"]], [["import", "--help"]]])("%j: commander and the adapters' descriptors, nothing else", (args) => {
    const l = loadedBy(args);
    expect(l.code, l.stderr).toBe(0);
    // The module log itself must have seen the CLI, or the checks below pass vacuously.
    expect(l.project).toContain("src/cli/main.js");
    expect(l.project).toContain("formats/coco/index.js");
    expect(formatImplementations(l)).toEqual([]);
    expect(l.project.filter((f) => f === "src/api.js" || f.startsWith("src/validate/") || f.startsWith("src/io/archive-"))).toEqual(["src/io/archive-formats.js"]);
    expect(l.packages).toEqual(["commander"]);
  });

  it("import -f coco loads the COCO reader, its detector (does the input hold COCO?) and the Supervisely writer, no other format", () => {
    const l = loadedBy(["import", path.join(FIXTURES, "demo/coco-sample"), path.join(tempDir(), "out"), "-f", "coco", "-q"]);
    expect(l.code, l.stderr).toBe(0);
    expect(l.project).toContain("formats/coco/read.js");
    expect(l.project).toContain("formats/supervisely/write.js");
    expect(l.project.filter((f) => /^formats\/[^/]+\/detect\.js$/.test(f))).toEqual(["formats/coco/detect.js"]);
    expect(l.project.filter((f) => /^formats\/[^/]+\/(read|write)\.js$/.test(f))).toEqual(["formats/coco/read.js", "formats/supervisely/write.js"]);
    expect(l.project.filter((f) => f.startsWith("src/validate/"))).toEqual([]);
    for (const heavy of ["ajv", "yaml", "fast-xml-parser", "fast-glob", "archiver", "yauzl", "tar", "cli-progress"]) expect(l.packages).not.toContain(heavy);
  });

  it("export -f voc loads the Supervisely reader and the VOC writer only", () => {
    const l = loadedBy(["export", path.join(FIXTURES, "supervisely/canonical"), path.join(tempDir(), "out"), "-f", "voc", "-q"]);
    expect(l.code, l.stderr).toBe(0);
    expect(l.project.filter((f) => /^formats\/[^/]+\/(read|write|detect)\.js$/.test(f))).toEqual(["formats/supervisely/read.js", "formats/voc/write.js"]);
    for (const heavy of ["ajv", "yaml", "fast-glob", "archiver", "yauzl", "tar", "cli-progress"]) expect(l.packages).not.toContain(heavy);
  });

  it("import -f voc with images reads their sizes from the headers: sharp is not loaded", () => {
    const voc = path.join(tempDir(), "voc");
    fs.mkdirSync(path.join(voc, "Annotations"), { recursive: true });
    fs.mkdirSync(path.join(voc, "JPEGImages"));
    fs.writeFileSync(path.join(voc, "JPEGImages", "a.png"), encodeGrayPng(6, 4, new Uint8Array(24)));
    fs.writeFileSync(path.join(voc, "Annotations", "a.xml"), "<annotation><filename>a.png</filename><size><width>6</width><height>4</height><depth>1</depth></size>"
      + "<object><name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>3</xmax><ymax>2</ymax></bndbox></object></annotation>");
    const out = path.join(tempDir(), "out");
    const l = loadedBy(["import", voc, out, "-f", "voc", "-q", "--images", "copy"]);
    expect(l.code, l.stderr).toBe(0);
    expect(l.project).toContain("src/io/image-header.js");
    expect(fs.readFileSync(path.join(out, "unlisted", "img", "a.png")).length).toBeGreaterThan(0);
    expect(l.packages).not.toContain("sharp");
  });
});
