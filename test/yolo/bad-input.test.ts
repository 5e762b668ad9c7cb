import { describe, expect, it } from "vitest";
import path from "node:path";
import sharp from "sharp";
import { SlyconvError } from "../../src/errors.js";
import { tempDir } from "../helpers/paths.js";
import { YOLO_FIXTURES, readAll, writeFiles } from "./helpers.js";

async function failure(input: string, options = {}): Promise<SlyconvError> {
  try {
    await readAll(input, options);
  } catch (e) {
    if (e instanceof SlyconvError) return e;
    throw e;
  }
  throw new Error(`${input} was read without an error`);
}

describe("YOLO bad input: one line with file and line number", () => {
  it("a class id outside names", async () => {
    const e = await failure(path.join(YOLO_FIXTURES, "bad-class-id"));
    expect(e.code).toBe("yolo-label");
    expect(e.describe()).toBe("labels/train/x.txt:3: class id 5 is not in names (0..1)");
  });

  it("a line with the wrong number of values", async () => {
    expect((await failure(path.join(YOLO_FIXTURES, "bad-value-count"))).describe())
      .toBe("labels/train/x.txt:2: expected 5 (a box) or an odd number ≥ 7 (a polygon of 3 or more points) values, found 4");
  });

  it("a value that is not a number (CRLF file)", async () => {
    expect((await failure(path.join(YOLO_FIXTURES, "bad-number"))).describe()).toBe('labels/train/x.txt:2: value 3 ("abc") is not a number');
  });

  it("a pose line that does not match kpt_shape, in a file past the first ones read", async () => {
    const root = tempDir();
    const files: Record<string, string | Buffer> = { "data.yaml": "names: [p]\nkpt_shape: [2, 3]\ntrain: images/train\n" };
    const img = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } }).png().toBuffer();
    for (let i = 0; i < 30; i++) {
      files[`images/train/i${String(i).padStart(2, "0")}.png`] = img;
      files[`labels/train/i${String(i).padStart(2, "0")}.txt`] = "0 0.5 0.5 0.2 0.2 0.1 0.1 2 0.2 0.2 2\n";
    }
    files["labels/train/i27.txt"] = "0 0.5 0.5 0.2 0.2 0.1 0.1 2 0.2 0.2 2\n\n0 0.5 0.5 0.2 0.2 0.1 0.1 2\n";
    writeFiles(root, files);
    expect((await failure(root)).describe()).toBe("labels/train/i27.txt:3: expected 5 + 2×3 = 11 (kpt_shape [2, 3]) values, found 8");
  });

  it("labels without an image and without a size", async () => {
    const root = tempDir();
    writeFiles(root, { "data.yaml": "names: [a]\ntrain: images/train\n", "labels/train/z.txt": "0 0.5 0.5 0.1 0.1\n" });
    const e = await failure(root);
    expect(e.code).toBe("yolo-no-size");
    expect(e.describe()).toBe("labels/train/z.txt: the image of z.jpg is not there, so its normalised coordinates cannot become pixels; pass `sizesFrom` <VOC folder | JSON> or `imageSize` <W>x<H>");
    expect(e.describe((key) => ({ sizesFrom: "--sizes-from", imageSize: "--image-size" })[key])).toBe("labels/train/z.txt: the image of z.jpg is not there, so its normalised coordinates cannot become pixels; pass --sizes-from <VOC folder | JSON> or --image-size <W>x<H>");
  });

  it("a bad --image-size and a --sizes-from that holds no sizes", async () => {
    await expect(readAll(path.join(YOLO_FIXTURES, "detect"), { imageSize: "640by480" })).rejects.toThrow("`imageSize` must be <width>x<height>, e.g. 640x480; got \"640by480\"");
    await expect(readAll(path.join(YOLO_FIXTURES, "detect"), { sizesFrom: path.join(YOLO_FIXTURES, "detect/labels") })).rejects.toThrow(/no image sizes found/);
  });

  it("an input that is not a YOLO dataset", async () => {
    const root = tempDir();
    writeFiles(root, { "readme.md": "nothing here\n" });
    expect((await failure(root)).code).toBe("yolo-empty");
  });
});
