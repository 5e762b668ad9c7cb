/**
 * The library's options at run time: unknown keys refused with the known ones, aliases, `images` on export as on
 * import, convert's one `formatOptions`, and messages that name option keys (the CLI names flags).
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { convertDataset, exportProject, importDataset, readDataset, UsageError } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, listFiles, tempDir } from "../helpers/paths.js";

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
});
