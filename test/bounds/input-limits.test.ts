/**
 * Issue 18: files read whole are refused from their size before they are read (the file-size limit, 128 MiB,
 * --max-file-bytes / SLYCONV_MAX_FILE_BYTES), and a COCO image with more annotations than the labels limit is
 * refused image by image in the first pass (--max-labels / SLYCONV_MAX_LABELS). The limits are lowered here so that
 * the files stay small; streamed-inputs.slow.test.ts has the same cases at their real size, with peak memory.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES, tempDir } from "../helpers/paths.js";
import { runCli, spawnCli } from "../helpers/cli.js";
import { TextFileTooLargeError } from "../../src/io/regular-file.js";

const over = (size: number, limit = 1000) => `the file is ${size} bytes, over the limit of ${limit} bytes for a file read whole; ` +
  `if it is real and the machine has the memory (a few times the file's size), raise the limit with --max-file-bytes ${size} or SLYCONV_MAX_FILE_BYTES=${size}`;

describe("the file-size limit of files read whole", () => {
  // The built binary: the reading thread runs only from dist/ (formats/supervisely/packed-reader.ts).
  it("a Supervisely annotation over it, among 256 items (read by the reading thread): refused, naming file, size and limit", () => {
    const dir = tempDir();
    const project = path.join(dir, "p");
    fs.mkdirSync(path.join(project, "ds", "ann"), { recursive: true });
    fs.writeFileSync(path.join(project, "meta.json"), JSON.stringify({ classes: [], tags: [], projectType: "images" }));
    const small = JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [] });
    for (let k = 0; k < 256; k++) fs.writeFileSync(path.join(project, "ds", "ann", `a${String(k).padStart(3, "0")}.png.json`), small);
    const big = JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [], description: "d".repeat(2000) });
    fs.writeFileSync(path.join(project, "ds", "ann", "a200.png.json"), big);
    const r = spawnCli(["--max-file-bytes", "1000", "import", project, path.join(dir, "out"), "--quiet"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`slyconv: ds/ann/a200.png.json: ${over(big.length)} [file-too-large]\n`);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
    // Raised to the size the message names, it is read.
    const ok = spawnCli(["--max-file-bytes", String(big.length), "import", project, path.join(dir, "out"), "--quiet"], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "out", "ds", "ann", "a200.png.json"), "utf8")).description).toBe("d".repeat(2000));
  });

  it("a YOLO data.yaml, a link list and a masks class map over it: refused, naming the file", async () => {
    const dir = tempDir();
    const env = { SLYCONV_MAX_FILE_BYTES: "1000" };
    fs.cpSync(path.join(FIXTURES, "yolo/detect"), path.join(dir, "yolo"), { recursive: true });
    const yaml = fs.readFileSync(path.join(dir, "yolo/data.yaml"), "utf8") + `# ${"x".repeat(1000)}\n`;
    fs.writeFileSync(path.join(dir, "yolo/data.yaml"), yaml);
    const y = await runCli(["import", "yolo", "out-y", "-f", "yolo", "--quiet"], { cwd: dir, env });
    expect(y.code).toBe(1);
    expect(y.stderr).toBe(`slyconv: data.yaml: ${over(Buffer.byteLength(yaml))} [file-too-large]\n`);

    fs.mkdirSync(path.join(dir, "links"));
    const list = "url\n" + Array.from({ length: 40 }, (_, k) => `https://example.com/img/${k}.jpg`).join("\n") + "\n";
    fs.writeFileSync(path.join(dir, "links/list.csv"), list);
    const l = await runCli(["import", "links", "out-l", "-f", "links", "--quiet"], { cwd: dir, env });
    expect(l.code).toBe(1);
    expect(l.stderr).toBe(`slyconv: list.csv: ${over(list.length)} [file-too-large]\n`);

    fs.cpSync(path.join(FIXTURES, "masks/generic-index"), path.join(dir, "masks"), { recursive: true });
    const classes = "background\ncat\ndog\n" + "# x\n".repeat(300);
    fs.writeFileSync(path.join(dir, "masks/classes.txt"), classes);
    const m = await runCli(["import", "masks", "out-m", "-f", "masks", "--quiet"], { cwd: dir, env });
    expect(m.code).toBe(1);
    expect(m.stderr).toBe(`slyconv: classes.txt: ${over(classes.length)} [file-too-large]\n`);
    for (const o of ["out-y", "out-l", "out-m"]) expect(fs.existsSync(path.join(dir, o))).toBe(false);
  });

  it("a file over the longest string cannot be raised past it: the message says to split it", async () => {
    expect(new TextFileTooLargeError("/x/a.json", 600 * 2 ** 20, 2 ** 27).message)
      .toBe("the file is 600 MB, more than the 512 MB a file read as text can hold (the longest JavaScript string); split it into smaller files");
    expect(new TextFileTooLargeError("/x/a.json", 200 * 2 ** 20, 2 ** 27).message).toBe(over(200 * 2 ** 20, 2 ** 27).replace(`${2 ** 27} bytes`, "128 MB").replace("the file is 209715200 bytes", "the file is 200 MB"));
  });

  it("a limit that is not a whole number is a usage error", async () => {
    for (const [flag, unit] of [["--max-file-bytes", "bytes"], ["--max-labels", "labels"]]) {
      const r = await runCli([flag, "lots", "import", path.join(FIXTURES, "yolo/detect"), path.join(tempDir(), "out")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${flag} lots: expected a whole number of ${unit}`);
    }
  });
});
