/**
 * The library's options at run time: unknown keys refused with the known ones, aliases, `images` on export as on
 * import, convert's one `formatOptions`, and messages that name option keys (the CLI names flags).
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { convertDataset, exportProject, importDataset, readDataset, UsageError } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, REPO_ROOT, listFiles, tempDir } from "../helpers/paths.js";
import { Report } from "../../src/report.js";
import { checkPixels } from "../../src/limits.js";

const CANONICAL = path.join(FIXTURES, "supervisely/canonical");
const DEMO = path.join(FIXTURES, "demo/coco-sample");

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a rejection");
}

describe("formatOptions at run time", () => {
  it("a misspelt key is refused with the keys the format knows, before anything is written", async () => {
    const out = path.join(tempDir(), "yolo");
    const e = await rejection(exportProject(CANONICAL, out, { format: "yolov8", formatOptions: { taks: "segment" } as never }));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/^unknown yolo export option `taks`; known: `task`, `splitTag`, .*`obbOrder`, `images`, `skipCrowd`, `skipDifficult`$/);
    expect(fs.existsSync(out)).toBe(false);

    const imp = await rejection(importDataset(DEMO, path.join(tempDir(), "p"), { format: "coco", formatOptions: { task: "detect", obb: true } as never }));
    expect(imp.message).toBe("unknown coco import options `task`, `obb`; known: `dataset`, `imagesDir`, `images`");
    const none = await rejection(readDataset(path.join(FIXTURES, "voc/devkit"), { format: "voc", formatOptions: { dataset: "x" } as never }));
    expect(none.message).toBe("unknown voc import option `dataset`; known: `images`");
  });

  it("the CLI says the same with flags", async () => {
    const r = await runCli(["import", DEMO, path.join(tempDir(), "p"), "--obb"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("slyconv: unknown coco import option --obb; known: --dataset, --images-dir, --images\n");
  });

  it("aliases name formats in the library too", async () => {
    const out = path.join(tempDir(), "voc");
    await exportProject(CANONICAL, out, { format: "pascal_voc", formatOptions: { imageFormat: "keep" } });
    expect(listFiles(out)).toContain("Annotations/a.xml");
  });

  it("exportProject takes `images` as importDataset does; a writer without images refuses it", async () => {
    const out = path.join(tempDir(), "yolo");
    await exportProject(CANONICAL, out, { format: "yolo", images: "none" });
    expect(listFiles(out).filter((f) => f.startsWith("images/"))).toEqual([]);
    const copied = path.join(tempDir(), "yolo-copy");
    await exportProject(CANONICAL, copied, { format: "yolo", images: "copy" });
    const image = listFiles(copied).find((f) => f.startsWith("images/") && f.endsWith("a.png"))!;
    expect(fs.statSync(path.join(copied, image)).nlink).toBe(1);

    const voc = await rejection(exportProject(CANONICAL, path.join(tempDir(), "v"), { format: "voc", images: "copy" } as never));
    expect(voc.message).toMatch(/^unknown voc export option `images`; known: `imageFormat`/);
    const both = await rejection(exportProject(CANONICAL, path.join(tempDir(), "y"), { format: "yolo", images: "copy", formatOptions: { images: "none" } }));
    expect(both.message).toBe('`images` is "copy" but formatOptions.images is "none"; give one');
  });

  it("convertDataset takes the reader's and the writer's keys in one formatOptions; readOptions is refused", async () => {
    const out = path.join(tempDir(), "yolo");
    const r = await convertDataset(DEMO, out, { from: "coco", to: "ultralytics", formatOptions: { dataset: "all", task: "segment" }, images: "none" });
    expect(r.from).toBe("coco");
    expect(listFiles(out).filter((f) => f.startsWith("labels/"))).toEqual(["labels/all/kitchen.txt", "labels/all/park.txt", "labels/all/street.txt"]);
    const neither = await rejection(convertDataset(DEMO, path.join(tempDir(), "o"), { to: "yolo", formatOptions: { overlay: true } as never }));
    expect(neither.message).toMatch(/^unknown coco import option `overlay`; known: `dataset`, `imagesDir`, `images`, `task`/);
    const old = await rejection(convertDataset(DEMO, path.join(tempDir(), "o"), { to: "yolo", readOptions: {} } as never));
    expect(old.message).toBe("`readOptions` is not an option of convertDataset: pass the reader's and the writer's options together in `formatOptions`");
  });

  it("library messages name option keys; the CLI's name flags", async () => {
    const labels = path.join(FIXTURES, "yolo/detect");
    const lib = await rejection(importDataset(labels, path.join(tempDir(), "p"), { format: "yolo", formatOptions: { imageSize: "12" } }));
    expect(lib.message).toBe('`imageSize` must be <width>x<height>, e.g. 640x480; got "12"');
    const cli = await runCli(["import", labels, path.join(tempDir(), "p"), "-f", "yolo", "--image-size", "12"]);
    expect(cli.stderr).toBe('slyconv: --image-size must be <width>x<height>, e.g. 640x480; got "12"\n');

    const empty = path.join(tempDir(), "nothing");
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(empty, "notes.txt"), "x");
    const unknown = await rejection(importDataset(empty, path.join(tempDir(), "p")));
    expect(unknown.message).toMatch(/; pass `format` with one of: /);
    expect((await runCli(["import", empty, path.join(tempDir(), "p")])).stderr).toMatch(/; pass -f with one of: /);
    expect((await runCli(["convert", empty, path.join(tempDir(), "p"), "--to", "voc"])).stderr).toMatch(/; pass --from with one of: /);

    const taken = path.join(tempDir(), "written");
    await importDataset(DEMO, taken, { format: "coco" });
    const force = await rejection(importDataset(DEMO, taken, { format: "coco" }));
    expect(force.message).toMatch(/pass `force`/);
    expect((await runCli(["import", DEMO, taken, "-f", "coco"])).stderr).toMatch(/pass --force/);
  });

  it("loss reasons and limits: keys and values in the library (`skipCrowd: false`, SLYCONV_MAX_PIXELS=n); flags on the command line, --json included", async () => {
    const crowd = path.join(tempDir(), "crowd");
    fs.mkdirSync(path.join(crowd, "ds", "ann"), { recursive: true });
    fs.writeFileSync(path.join(crowd, "meta.json"), JSON.stringify({ classes: [{ title: "cat", shape: "rectangle", color: "#FF0000" }], tags: [{ name: "iscrowd", value_type: "none", color: "#00FF00" }] }));
    const box = (tags: unknown[]) => ({ classTitle: "cat", geometryType: "rectangle", tags, points: { exterior: [[1, 1], [5, 5]], interior: [] } });
    fs.writeFileSync(path.join(crowd, "ds", "ann", "a.png.json"), JSON.stringify({ size: { width: 8, height: 8 }, tags: [], objects: [box([]), box([{ name: "iscrowd" }])] }));
    const report = new Report();
    await exportProject(crowd, path.join(tempDir(), "y"), { format: "yolo", images: "none", report });
    expect(report.lossEntries.find((e) => e.what === "crowd object")?.reason).toBe("left out (iscrowd; `skipCrowd: false` writes it)");
    const human = await runCli(["export", crowd, path.join(tempDir(), "y"), "-f", "yolo", "--images", "none"]);
    expect(human.stderr).toContain("1 × crowd object of class \"cat\": left out (iscrowd; --no-skip-crowd writes it)\n");
    const json = JSON.parse((await runCli(["--json", "export", crowd, path.join(tempDir(), "y"), "-f", "yolo", "--images", "none"])).stdout);
    expect(json.lossy.find((e: { what: string }) => e.what === "crowd object").reason).toBe("left out (iscrowd; --no-skip-crowd writes it)");

    // The pixel limit, from the library and from the CLI (an error of the run, and the --json error).
    expect(() => checkPixels(100, 100, "the image", {})).not.toThrow();
    const saved = process.env.SLYCONV_MAX_PIXELS;
    process.env.SLYCONV_MAX_PIXELS = "10";
    try {
      expect(() => checkPixels(4, 4, "the mask")).toThrow(/^the mask is 4×4 \(16 pixels\), over the limit of 10 pixels; .*raise the limit with SLYCONV_MAX_PIXELS=16$/);
    } finally {
      if (saved === undefined) delete process.env.SLYCONV_MAX_PIXELS;
      else process.env.SLYCONV_MAX_PIXELS = saved;
    }
    const limited = await runCli(["--max-pixels", "10", "export", crowd, path.join(tempDir(), "v"), "-f", "masks"]);
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(/^slyconv: the image is 8×8 \(64 pixels\), over the limit of 10 pixels; .*raise the limit with --max-pixels 64 or SLYCONV_MAX_PIXELS=64 \[pixel-limit\]\n$/);
    const limitedJson = JSON.parse((await runCli(["--json", "--max-pixels", "10", "export", crowd, path.join(tempDir(), "v"), "-f", "masks"])).stdout);
    expect(limitedJson.error.message).toMatch(/raise the limit with --max-pixels 64 or SLYCONV_MAX_PIXELS=64$/);
  });

  it("no message of src/ or formats/ names a CLI flag (the CLI's own src/cli/ and the flag declarations aside)", () => {
    const named: string[] = [];
    for (const root of ["src", "formats"]) {
      for (const rel of fs.readdirSync(path.join(REPO_ROOT, root), { recursive: true, encoding: "utf8" })) {
        const file = `${root}/${rel}`;
        if (!file.endsWith(".ts") || file.startsWith("src/cli/")) continue;
        fs.readFileSync(path.join(REPO_ROOT, file), "utf8").split("\n").forEach((line, k) => {
          const code = line.trim();
          // Comments, and the flag declarations (OptionSpec: `{ flags: "--x", description: … }`), which are the CLI's.
          if (/^(\/\/|\*|\/\*)/.test(code) || /^\{? ?(flags|description): /.test(code)) return;
          // A flag inside a string: a quote or backtick, then text, then --name (node's own flags aside).
          if (/["'`][^"'`]*(?<![=\w-])--[a-z][a-z-]*/.test(code.replace(/NODE_OPTIONS=--[a-z-]+(=\d+)?/g, "")) && !code.includes("MARKER_TEXT")) named.push(`${file}:${k + 1}: ${code}`);
        });
      }
    }
    expect(named).toEqual([]);
  });
});
