/**
 * Issue 18 point 4, the data cases that used to end in exit 70 ("internal error, report it as a bug"): a fractional
 * `size` in an annotation, and bitmap data that is not base64, not a PNG, or a PNG whose pixels do not decode, in a
 * VOC or YOLO export. Now: a one-line error with the JSON pointer (exit 1), or the label counted as lost.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { exportProject } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { encodeGrayPng } from "../../src/codecs/png-encode.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";

function project(classes: object[], objects: object[], size: object = { height: 10, width: 10 }): string {
  const dir = path.join(tempDir(), "project");
  fs.mkdirSync(path.join(dir, "ds/ann"), { recursive: true });
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ classes, tags: [] }));
  fs.writeFileSync(path.join(dir, "ds/ann/a.png.json"), JSON.stringify({ size, tags: [], objects }));
  return dir;
}

describe("a fractional size in an annotation", () => {
  const dir = project([{ title: "p", shape: "polygon", color: "#00FF00" }],
    [{ classTitle: "p", tags: [], points: { exterior: [[1, 1], [5, 5], [1, 5]], interior: [] } }], { height: 10.5, width: 10 });
  const message = "slyconv: ds/ann/a.png.json#/size/height: height is 10.5: an image size is a whole number of pixels (or null when unknown); correct it in the file [sly-json]\n";

  for (const format of ["masks", "voc"]) {
    it(`export -f ${format}: exit 1 with the pointer (was: internal error "offset is out of bounds")`, async () => {
      const out = path.join(path.dirname(dir), `out-${format}`);
      const r = await runCli(["export", dir, out, "-f", format, "--quiet"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(message);
      expect(fs.existsSync(out)).toBe(false);
    });
  }

  it("import: the same line; a negative size too", async () => {
    expect(await runCli(["import", dir, path.join(path.dirname(dir), "imp"), "--quiet"])).toMatchObject({ code: 1, stderr: message });
    const negative = project([], [], { height: 4, width: -3 });
    const r = await runCli(["import", negative, path.join(path.dirname(negative), "imp"), "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("#/size/width: width is -3: an image size is a whole number of pixels");
  });
});

describe("bitmap data that does not decode, in VOC and YOLO exports", () => {
  const corruptPixels = (() => {
    const png = Buffer.from(encodeGrayPng(4, 4, new Uint8Array(16).fill(1)));
    const at = png.indexOf("IDAT");
    for (let k = at + 4; k < at + 12; k++) png[k] ^= 0xff;
    return png.toString("base64");
  })();
  const cases = [
    ["bad base64", "!!!notbase64", "bitmap data is not base64"],
    ["not a PNG", Buffer.from("hello world").toString("base64"), "bitmap data is neither a zlib stream nor a PNG"],
  ] as const;
  const bitmapClass = [{ title: "b", shape: "bitmap", color: "#FF0000" }];

  for (const format of ["voc", "yolo"]) {
    for (const [what, data, reason] of cases) {
      it(`${what} → ${format}: the label is lost and reported, the rest written, exit 0 (was: exit 70)`, async () => {
        const dir = project(bitmapClass, [
          { classTitle: "b", tags: [], bitmap: { data, origin: [0, 0] } },
          { classTitle: "b", tags: [], bitmap: { data: Buffer.from(encodeGrayPng(2, 2, Uint8Array.of(1, 1, 1, 1))).toString("base64"), origin: [3, 4] } },
        ]);
        const report = new Report();
        const out = path.join(path.dirname(dir), "out");
        await exportProject(dir, out, { format, report });
        expect(report.lossEntries.filter((l) => l.reason.includes("cannot be decoded"))).toEqual([
          { className: "b", what: "bitmap", reason: `the bitmap data cannot be decoded (${reason})`, count: 1 },
        ]);
        if (format === "voc") {
          const xml = fs.readFileSync(path.join(out, "Annotations/a.xml"), "utf8");
          expect(xml.match(/<object>/g)).toHaveLength(1);
          expect(xml).toContain("<xmin>3</xmin>");
        } else {
          const labels = fs.readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith("a.txt"));
          expect(labels).toHaveLength(1);
          expect(fs.readFileSync(path.join(out, labels[0]), "utf8").trim().split("\n")).toHaveLength(1);
        }
      });
    }
  }

  it("a PNG whose pixels do not decode → yolo --task segment (the mask is traced): lost and reported", async () => {
    const dir = project(bitmapClass, [{ classTitle: "b", tags: [], bitmap: { data: corruptPixels, origin: [1, 1] } }]);
    const report = new Report();
    await exportProject(dir, path.join(path.dirname(dir), "out"), { format: "yolo", report, formatOptions: { task: "segment" } });
    expect(report.lossEntries).toEqual([expect.objectContaining({ className: "b", what: "bitmap", count: 1, reason: expect.stringMatching(/^the bitmap data cannot be decoded \(not a readable PNG/) })]);
  });

  it("a PNG whose pixels do not decode → voc: its box is written, its mask lost and reported; the CLI exits 0", async () => {
    const dir = project(bitmapClass, [{ classTitle: "b", tags: [], bitmap: { data: corruptPixels, origin: [1, 1] } }]);
    const report = new Report();
    const out = path.join(path.dirname(dir), "out");
    await exportProject(dir, out, { format: "voc", report });
    expect(report.lossEntries).toEqual([expect.objectContaining({ className: "b", what: "bitmap mask", count: 1 })]);
    expect(report.lossEntries[0].reason).toMatch(/^the bitmap data cannot be decoded \(not a readable PNG .*\); the object's box is written without its mask$/);
    expect(fs.readFileSync(path.join(out, "Annotations/a.xml"), "utf8")).toContain("<xmin>1</xmin>");
    expect(fs.existsSync(path.join(out, "SegmentationClass/a.png"))).toBe(false);
    const r = await runCli(["export", dir, path.join(path.dirname(dir), "cli"), "-f", "voc", "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 × bitmap mask of class "b": the bitmap data cannot be decoded');
  });
});

describe("class names that make file names: 300 bytes long, a/b beside a_b, a leading dot", () => {
  const long = "c".repeat(300);
  const rect = (classTitle: string) => ({ classTitle, tags: [], points: { exterior: [[1, 1], [5, 5]], interior: [] } });
  const classes = [long, "a/b", "a_b", ".hidden"].map((title, i) => ({ title, shape: "rectangle", color: ["#FF0000", "#00FF00", "#0000FF", "#FFFF00"][i] }));

  function twoItems(): string {
    const dir = project(classes, [rect(long), rect("a/b"), rect(".hidden")]);
    fs.writeFileSync(path.join(dir, "ds/ann/b.png.json"), JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [rect("a_b")] }));
    return dir;
  }

  it("VOC per-class lists: one file per class, safe and unique, each warned (was: ENAMETOOLONG → exit 70, and a/b, a_b one file)", async () => {
    const dir = twoItems();
    const report = new Report();
    const out = path.join(path.dirname(dir), "voc");
    await exportProject(dir, out, { format: "voc", report });
    const main = path.join(out, "ImageSets/Main");
    const hash = (await import("node:crypto")).createHash("sha1").update(long).digest("hex").slice(0, 8);
    const longStem = `${"c".repeat(191)}~${hash}`;
    expect(fs.readdirSync(main).sort()).toEqual(["_hidden_ds.txt", "a_b_ds.txt", "a_b~2_ds.txt", `${longStem}_ds.txt`, "ds.txt"].sort());
    expect(fs.readFileSync(path.join(main, "a_b_ds.txt"), "utf8")).toBe("a  1\nb -1\n");
    expect(fs.readFileSync(path.join(main, "a_b~2_ds.txt"), "utf8")).toBe("a -1\nb  1\n");
    expect(fs.readFileSync(path.join(main, `${longStem}_ds.txt`), "utf8")).toBe("a  1\nb -1\n");
    expect(report.findings.filter((f) => f.code === "voc-class-file-name").map((f) => f.message)).toEqual([
      'class ".hidden" is written to per-class lists as "_hidden" (a name starting with a dot is a hidden file)',
      'class "a/b" is written to per-class lists as "a_b" (a file name cannot hold slashes or control characters)',
      'class "a_b" is written to per-class lists as "a_b~2" (another class makes the same file name)',
      `class ${JSON.stringify(long)} is written to per-class lists as ${JSON.stringify(longStem)} (the class name is longer than a file name may be)`,
    ]);
  });

  it("masks export: the instance files have safe names (none hidden, none over 255 bytes)", async () => {
    const dir = twoItems();
    const out = path.join(path.dirname(dir), "masks");
    const r = await runCli(["export", dir, out, "-f", "masks", "--quiet"]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(out, "ds/masks_instances/a")).every((f) => Buffer.byteLength(f) <= 255)).toBe(true);
    expect(fs.readdirSync(path.join(out, "ds/masks_instances/a")).some((f) => f.startsWith("."))).toBe(false);
  });
});

describe("JSON nested 10,000 levels deep, written back out", () => {
  const deep = (d: number) => JSON.parse("[".repeat(d) + "]".repeat(d));
  const deepObject = (d: number) => JSON.parse('{"a":'.repeat(d) + "1" + "}".repeat(d));

  it("in a Supervisely annotation's customBigData or a label's unknown key: a one-line refusal with the pointer, exit 1 (was: stack overflow, exit 70)", async () => {
    const dir = project([], [], { height: 10, width: 10 });
    const ann = path.join(dir, "ds/ann/a.png.json");
    fs.writeFileSync(ann, `{"size":{"height":10,"width":10},"tags":[],"objects":[],"customBigData":{"x":${"[".repeat(10_000)}${"]".repeat(10_000)}}}`);
    for (const args of [["import", dir, path.join(path.dirname(dir), "imp")], ["export", dir, path.join(path.dirname(dir), "voc"), "-f", "voc"]]) {
      const r = await runCli([...args, "--quiet"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("slyconv: ds/ann/a.png.json#/customBigData: the value nests more than 1000 levels of arrays or objects, which cannot be written back out; flatten or remove it [sly-json]\n");
    }
    fs.writeFileSync(ann, JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [] }).replace(/\]}$/, `],"x/y":${JSON.stringify(deep(999))}}`));
    expect((await runCli(["import", dir, path.join(path.dirname(dir), "ok"), "--quiet"])).code).toBe(0);
  });

  it("a label's unknown key 10,000 objects deep: the pointer names the label", async () => {
    const dir = project([{ title: "c", shape: "rectangle", color: "#FF0000" }], []);
    const objects = `[{"classTitle":"c","tags":[],"points":{"exterior":[[1,1],[5,5]],"interior":[]},"attrs":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}]`;
    fs.writeFileSync(path.join(dir, "ds/ann/a.png.json"), `{"size":{"height":10,"width":10},"tags":[],"objects":${objects}}`);
    const r = await runCli(["import", dir, path.join(path.dirname(dir), "imp"), "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("slyconv: ds/ann/a.png.json#/objects/0/attrs: the value nests more than 1000 levels");
    expect(deepObject(3)).toEqual({ a: { a: { a: 1 } } });
  });

  it("in a COCO annotation's attributes, an image entry, a category or `info`: refused naming the file and the JSON pointer, exit 1 (was: too-deep with no file, or exit 70)", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "c"));
    const deep = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    const coco = (where: string) => `{${where === "info" ? `"info":${deep},` : ""}"images":[{"id":1,"file_name":"a.png","width":10,"height":10${where === "image" ? `,"extra":${deep}` : ""}}],` +
      `"categories":[{"id":1,"name":"c"${where === "category" ? `,"x":${deep}` : ""}}],` +
      `"annotations":[{"id":1,"image_id":1,"category_id":1,"bbox":[1,1,3,3],"area":9,"iscrowd":0${where === "annotation" ? `,"attributes":${deep}` : ""}}]}`;
    const message = "the value nests more than 1000 levels of arrays or objects, which cannot be written back out; flatten or remove it [too-deep]";
    for (const [where, pointer] of [["annotation", "/annotations/0/attributes"], ["image", "/images/0/extra"], ["category", "/categories/0"], ["info", "/info"]]) {
      fs.writeFileSync(path.join(dir, "c/instances_x.json"), coco(where));
      const r = await runCli(["convert", path.join(dir, "c"), path.join(dir, "out"), "--from", "coco", "--to", "coco", "--quiet"]);
      expect(r.code, where).toBe(1);
      expect(r.stderr).toBe(`slyconv: instances_x.json#${pointer}: ${message}\n`);
      expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
    }
  });
});

describe("a file too large to read whole (a 1 GB single-line VOC or Supervisely file)", () => {
  // The limit of files read whole (128 MiB, src/limits.ts) is lowered so that the files here can be small.
  const env = { SLYCONV_MAX_FILE_BYTES: "1000" };
  const line = (size: number) => `the file is ${size} bytes, over the limit of 1000 bytes for a file read whole; if it is real and the machine has the memory (a few times the file's size), raise the limit with --max-file-bytes ${size} or SLYCONV_MAX_FILE_BYTES=${size}`;

  it("a VOC XML on one line: exit 1 naming the file (was: exit 70)", async () => {
    const dir = tempDir();
    fs.cpSync(path.join(FIXTURES, "voc/devkit"), path.join(dir, "voc"), { recursive: true });
    const xml = path.join(dir, "voc/VOCdevkit/VOC2012/Annotations/2009_000001.xml");
    const big = fs.readFileSync(xml, "utf8").replace(/\n\s*/g, "").replace("</annotation>", `<pad>${"x".repeat(2000)}</pad></annotation>`);
    fs.writeFileSync(xml, big);
    const r = await runCli(["import", path.join(dir, "voc"), path.join(dir, "out"), "-f", "voc", "--quiet"], { env, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`slyconv: voc/VOCdevkit/VOC2012/Annotations/2009_000001.xml: ${line(Buffer.byteLength(big))} [file-too-large]\n`);
  });

  it("a Supervisely annotation: import stops with the file, validate reports it", async () => {
    const dir = project([], []);
    const ann = path.join(dir, "ds/ann/a.png.json");
    const body = JSON.stringify({ size: { height: 10, width: 10 }, tags: [], objects: [], description: "d".repeat(2000) });
    fs.writeFileSync(ann, body);
    const r = await runCli(["import", dir, path.join(path.dirname(dir), "out"), "--quiet"], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`slyconv: ds/ann/a.png.json: ${line(body.length)} [file-too-large]\n`);
    const v = await runCli(["validate", dir, "--quiet"], { env });
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`ds/ann/a.png.json: error ${line(body.length)} [file-unreadable]`);
  });
});
