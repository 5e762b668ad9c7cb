/**
 * Issue 18: files read whole are refused from their size before they are read (the file-size limit, 128 MiB,
 * --max-file-bytes / SLYCONV_MAX_FILE_BYTES), and a COCO image with more annotations than the labels limit is
 * refused image by image in the first pass (--max-labels / SLYCONV_MAX_LABELS). The limits are lowered here so that
 * the files stay small; streamed-inputs.slow.test.ts has the same cases at their real size, with peak memory.
 */
import { afterEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { SHARE_ENV, Worker } from "node:worker_threads";
import { FIXTURES, REPO_ROOT, tempDir } from "../helpers/paths.js";
import { assertDistFresh, runCli } from "../helpers/cli.js";
import { onEveryReaderPath } from "../helpers/coco-reader-paths.js";
import { TextFileTooLargeError } from "../../src/io/regular-file.js";
import { readDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { materializeProject, type Item } from "../../src/model/index.js";
import type { ReadReply, ReadRequest } from "../../formats/supervisely/read-worker.js";

const over = (size: number, limit = 1000) => `the file is ${size} bytes, over the limit of ${limit} bytes for a file read whole; ` +
  `if it is real and the machine has the memory (a few times the file's size), raise the limit with --max-file-bytes ${size} or SLYCONV_MAX_FILE_BYTES=${size}`;

describe("the file-size limit of files read whole", () => {
  /** A project of 256 items (a dataset that size is read by the reading thread) whose a200 is `big` bytes; made once. */
  let made: { project: string; big: string } | undefined;
  function projectWithBigAnnotation(): { project: string; big: string } {
    if (made) return made;
    const project = path.join(tempDir(), "p");
    fs.mkdirSync(path.join(project, "ds", "ann"), { recursive: true });
    fs.writeFileSync(path.join(project, "meta.json"), JSON.stringify({ classes: [], tags: [], projectType: "images" }));
    const small = JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [] });
    for (let k = 0; k < 256; k++) fs.writeFileSync(path.join(project, "ds", "ann", `a${String(k).padStart(3, "0")}.png.json`), small);
    const big = JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [], description: "d".repeat(2000) });
    fs.writeFileSync(path.join(project, "ds", "ann", "a200.png.json"), big);
    return (made = { project, big });
  }

  // Inside the test process the reader reads on its own thread; `npm run test:slow` runs this with the built binary,
  // whose reading thread leaves the file to it (the next test holds the thread to that).
  it("a Supervisely annotation over it, among 256 items: refused, naming file, size and limit", async () => {
    const { project, big } = projectWithBigAnnotation();
    const dir = tempDir();
    const r = await runCli(["--max-file-bytes", "1000", "import", project, path.join(dir, "out"), "--quiet"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`slyconv: ds/ann/a200.png.json: ${over(big.length)} [file-too-large]\n`);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
    // Raised to the size the message names, it is read.
    const ok = await runCli(["--max-file-bytes", String(big.length), "import", project, path.join(dir, "out"), "--quiet"], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "out", "ds", "ann", "a200.png.json"), "utf8")).description).toBe("d".repeat(2000));
  });

  it("the reading thread leaves a file over it unread (for the reader to refuse), and packs it once the limit is raised", async () => {
    const { project, big } = projectWithBigAnnotation();
    const files = ["a199", "a200"].map((stem) => path.join(project, "ds", "ann", `${stem}.png.json`));
    // The thread sees the limit the CLI puts in the environment; SHARE_ENV lets this test change it between requests.
    assertDistFresh();
    const thread = new Worker(path.join(REPO_ROOT, "dist/formats/supervisely/read-worker.js"), { env: SHARE_ENV });
    const packedFiles = async () => {
      thread.postMessage({ paths: files } satisfies ReadRequest);
      const [reply] = (await once(thread, "message")) as [ReadReply];
      return Array.from(reply.skeletonStarts, (start) => start >= 0);
    };
    try {
      process.env.SLYCONV_MAX_FILE_BYTES = "1000";
      expect(await packedFiles()).toEqual([true, false]);
      process.env.SLYCONV_MAX_FILE_BYTES = String(big.length);
      expect(await packedFiles()).toEqual([true, true]);
    } finally {
      delete process.env.SLYCONV_MAX_FILE_BYTES;
      await thread.terminate();
    }
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
    // The library names the environment variable; the CLI adds its flag (the runs above).
    expect(new TextFileTooLargeError("/x/a.json", 200 * 2 ** 20, 2 ** 27).message).toBe(over(200 * 2 ** 20, 2 ** 27).replace(`${2 ** 27} bytes`, "128 MB").replace("the file is 209715200 bytes", "the file is 200 MB").replace("--max-file-bytes 209715200 or ", ""));
  });

  it("a limit that is not a whole number is a usage error", async () => {
    for (const [flag, unit] of [["--max-file-bytes", "bytes"], ["--max-labels", "labels"]]) {
      const r = await runCli([flag, "lots", "import", path.join(FIXTURES, "yolo/detect"), path.join(tempDir(), "out")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${flag} lots: expected a whole number of ${unit}`);
    }
  });
});

/**
 * A COCO file with `perImage` polygon annotations on image 1 (a.png) and 3 on image 2 (b.png), a caption of image 1
 * among them.
 */
function cocoCrowdedImage(file: string, perImage: number): void {
  const seg = (k: number) => [[10 + (k % 50), 10, 20 + (k % 50), 10, 20 + (k % 50), 30]];
  const annotations: object[] = [];
  for (let k = 0; k < perImage; k++) annotations.push({ id: k + 1, image_id: 1, category_id: 1, iscrowd: 0, area: 100, bbox: [10 + (k % 50), 10, 10, 20], segmentation: seg(k) });
  annotations.splice(5, 0, { id: 100_000, image_id: 1, caption: "a crowd" });
  for (let k = 0; k < 3; k++) annotations.push({ id: 200_000 + k, image_id: 2, category_id: 1, iscrowd: 0, area: 100, bbox: [10 + k, 10, 10, 20], segmentation: seg(k) });
  fs.writeFileSync(file, JSON.stringify({
    images: [{ id: 1, file_name: "a.png", width: 640, height: 480 }, { id: 2, file_name: "b.png", width: 640, height: 480 }],
    categories: [{ id: 1, name: "cat" }], annotations,
  }));
}

describe("a COCO image with more annotations than the labels limit", () => {
  afterEach(() => void delete process.env.SLYCONV_MAX_LABELS);

  it("is counted in the first pass and none of its annotations is kept or converted, on every path (reader alone, parse thread, claim-back)", async () => {
    const file = path.join(tempDir(), "instances_x.json");
    cocoCrowdedImage(file, 120);
    process.env.SLYCONV_MAX_LABELS = "50";
    // The thread paths must take blocks: the budget of kept rows per image is theirs.
    await onEveryReaderPath([{ parallelRows: Infinity }, { parallelRows: 1, threadBlock: 7, claimBack: true }, { parallelRows: 1, threadBlock: 7, claimBack: false }], async (name) => {
      const report = new Report(Number.MAX_SAFE_INTEGER);
      const { project } = await readDataset(file, { format: "coco", report, formatOptions: { images: "none" } });
      const items = (await materializeProject(project)).datasets[0].items as Item[];
      expect(items.map((i) => [i.name, i.annotation.labels.length, i.annotation.tags.map((t) => t.value)]), name).toEqual([["a.png", 0, ["a crowd"]], ["b.png", 3, []]]);
      expect(report.findings.filter((f) => f.severity === "error")).toEqual([{
        severity: "error", code: "labels-limit", file: "instances_x.json", pointer: "/images/0",
        message: 'image 1 ("a.png") has 120 annotations, more than the limit of 50 labels per image; they are skipped and the item is written without them; ' +
          "if that is real, raise the limit with SLYCONV_MAX_LABELS=120",
      }]);
      // Written (3) + reported (120) = the 123 object annotations of the file.
      expect(report.stats.cocoAnnotationsOverLimit).toBe(120);
    });
  });

  it("CLI: exit 1, the rest written; at the limit the image is converted whole", async () => {
    const dir = tempDir();
    cocoCrowdedImage(path.join(dir, "instances_x.json"), 1001);
    const r = await runCli(["--json", "--max-labels", "1000", "import", "instances_x.json", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.findings.find((f: { code: string }) => f.code === "labels-limit")).toMatchObject({ severity: "error", file: "instances_x.json", pointer: "/images/0" });
    expect(summary.stats).toMatchObject({ cocoAnnotations: 1005, cocoAnnotationsOverLimit: 1001 });
    expect(summary.labelsPerClass).toEqual({ cat: 3 });
    const ann = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, "out", "x", "ann", `${name}.json`), "utf8"));
    expect([ann("a.png").objects.length, ann("b.png").objects.length]).toEqual([0, 3]);
    const ok = await runCli(["--max-labels", "1001", "import", "instances_x.json", "out2", "--quiet"], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "out2", "x", "ann", "a.png.json"), "utf8")).objects).toHaveLength(1001);
  });
});
