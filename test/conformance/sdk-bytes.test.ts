/**
 * Issue 16, points 4 and 6: slyconv writes the SDK's own bytes (key order, field set, indentation, numbers and text
 * as Python's json.dump writes them), so a
 * project the SDK wrote imports byte for byte, and a computed coordinate a hair off an integer is written as the
 * integer (the SDK floors every coordinate it loads: `PointLocation`).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importDataset, readProject, writeProject } from "../../src/api.js";
import { annotationToJson, labelToJson, metaToJson } from "../../formats/supervisely/json-model.js";
import type { Geometry, Label, Project } from "../../src/model/index.js";
import { emptyProjectMeta } from "../../src/model/index.js";
import { sdkCoordinate } from "./sdk-loader.js";
import { pythonJson, pythonJsonBytes, pythonNumber } from "../../src/io/python-json.js";
import { HAVE_REAL_DATA, diffTrees, listFiles, realData, tempDir } from "../helpers/paths.js";

describe.skipIf(!HAVE_REAL_DATA)("a project the SDK wrote (supervisely-sdk-allgeometries) imports byte for byte", () => {
  it("every file the same, the empty links/img/ kept", async () => {
    // git keeps no empty folder: the SDK's empty links/img/ is made again, as the SDK left the project.
    const input = path.join(tempDir(), "sdk");
    fs.cpSync(realData("supervisely-sdk-allgeometries"), input, { recursive: true });
    fs.mkdirSync(path.join(input, "links/img"), { recursive: true });
    const out = path.join(tempDir(), "out");
    const { items } = await importDataset(input, out, { format: "supervisely", images: "copy" });
    expect(items).toBe(4);
    expect(diffTrees(input, out)).toEqual([]);
    expect(listFiles(input).length).toBe(9);
    expect(fs.readdirSync(path.join(out, "links/img"))).toEqual([]);
  });
});

const label = (geometry: Geometry, extra?: Record<string, unknown>): Label => ({ classTitle: "c", geometry, tags: [], ...(extra ? { extra } : {}) });

describe("SDK rule: Label.to_json key order and fields", () => {
  const keysOf = (l: Label) => Object.keys(labelToJson(l));
  it("VectorGeometry and BitmapBase put shape, geometryType inside the geometry; the others get geometryType, shape after it", () => {
    const tail = ["nnCreated", "nnUpdated"];
    expect(keysOf(label({ type: "polygon", exterior: [[0, 0], [2, 0], [0, 2]], interior: [] }))).toEqual(["classTitle", "description", "tags", "points", "shape", "geometryType", ...tail]);
    expect(keysOf(label({ type: "line", points: [[0, 0], [2, 0]] }))).toEqual(["classTitle", "description", "tags", "points", "shape", "geometryType", ...tail]);
    expect(keysOf(label({ type: "bitmap", origin: [1, 2], data: "x" }))).toEqual(["classTitle", "description", "tags", "bitmap", "shape", "geometryType", ...tail]);
    expect(keysOf(label({ type: "alpha_mask", origin: [1, 2], data: "x" }))).toEqual(["classTitle", "description", "tags", "bitmap", "shape", "geometryType", ...tail]);
    expect(keysOf(label({ type: "rectangle", left: 0, top: 0, right: 1, bottom: 1 }))).toEqual(["classTitle", "description", "tags", "points", "geometryType", "shape", ...tail]);
    expect(keysOf(label({ type: "point", x: 1, y: 1 }))).toEqual(["classTitle", "description", "tags", "points", "geometryType", "shape", ...tail]);
    expect(keysOf(label({ type: "oriented_bbox", left: 0, top: 0, right: 1, bottom: 1, angle: 0.5 }))).toEqual(["classTitle", "description", "tags", "points", "angle", "geometryType", "shape", ...tail]);
    expect(keysOf(label({ type: "multipolygon", parts: [] }))).toEqual(["classTitle", "description", "tags", "parts", "geometryType", "shape", ...tail]);
    expect(labelToJson(label({ type: "point", x: 1, y: 1 }))).toMatchObject({ nnCreated: false, nnUpdated: false, description: "" });
  });

  it("Geometry._add_creation_info writes labelerLogin, updatedAt, createdAt, id, classId after the geometry; then nn flags, instance, smartToolInput", () => {
    const extra = { smartToolInput: { a: 1 }, instance: "k", classId: 3, id: 9, createdAt: "c", updatedAt: "u", labelerLogin: "me", nnUpdated: true, nnCreated: true, unknown: 1 };
    expect(keysOf(label({ type: "rectangle", left: 0, top: 0, right: 1, bottom: 1 }, extra))).toEqual([
      "classTitle", "description", "tags", "points", "labelerLogin", "updatedAt", "createdAt", "id", "classId", "geometryType", "shape", "nnCreated", "nnUpdated", "instance", "smartToolInput", "unknown",
    ]);
    expect(keysOf(label({ type: "polygon", exterior: [[0, 0], [2, 0], [0, 2]], interior: [] }, extra))).toEqual([
      "classTitle", "description", "tags", "points", "shape", "geometryType", "labelerLogin", "updatedAt", "createdAt", "id", "classId", "nnCreated", "nnUpdated", "instance", "smartToolInput", "unknown",
    ]);
  });

  it("Tag.to_json: name, value, labelerLogin, updatedAt, createdAt", () => {
    const l = label({ type: "point", x: 1, y: 1 });
    l.tags = [{ name: "t", value: 1, extra: { createdAt: "c", id: 5, labelerLogin: "me", updatedAt: "u" } }];
    expect(Object.keys((labelToJson(l).tags as object[])[0])).toEqual(["name", "value", "labelerLogin", "updatedAt", "createdAt", "id"]);
  });

  it("ProjectMeta.to_json: projectType always (images when unknown); TagMeta.to_json: target_type always (all)", () => {
    const meta = { ...emptyProjectMeta(), projectType: undefined };
    meta.tagMetas.push({ name: "t", valueType: "none", color: "#00FF00", hotkey: "", applicableType: "all", classes: [], extra: {} });
    const json = metaToJson(meta);
    expect(Object.keys(json)).toEqual(["classes", "tags", "projectType", "projectSettings"]);
    expect(json.projectType).toBe("images");
    expect(Object.keys((json.tags as object[])[0])).toEqual(["name", "value_type", "color", "hotkey", "applicable_type", "classes", "target_type"]);
    expect((json.tags as { target_type: string }[])[0].target_type).toBe("all");
  });

  it("reading the defaults back keeps them out of the model: nnCreated/nnUpdated false, target_type all", async () => {
    const out = path.join(tempDir(), "p");
    const meta = emptyProjectMeta();
    meta.classes.push({ title: "c", shape: "point", color: "#FF0000", geometryConfig: {}, description: "", hotkey: "", extra: {} });
    meta.tagMetas.push({ name: "t", valueType: "none", color: "#00FF00", hotkey: "", applicableType: "all", classes: [], extra: {} });
    const project: Project = { meta, datasets: [{ name: "ds", datasets: [], items: [{ name: "a.png", annotation: { size: { width: 4, height: 4 }, tags: [], labels: [label({ type: "point", x: 1, y: 1 })] } }] }] };
    await writeProject(project, out);
    const back = await readProject(out);
    expect(back.meta.tagMetas[0].extra).toEqual({});
    const items = [];
    for await (const it of (back.datasets[0].items as () => AsyncIterable<unknown>)()) items.push(it);
    expect((items[0] as { annotation: { labels: Label[] } }).annotation.labels[0].extra).toBeUndefined();
  });
});

describe("coordinates within 1e-3 px of an integer are written as that integer (the SDK floors on load)", () => {
  it("points of every geometry; others kept as they are", () => {
    const json = annotationToJson({
      size: { width: 500, height: 500 }, tags: [], labels: [
        label({ type: "rectangle", left: 10.0004, top: 372.999892, right: 200.5, bottom: 300.0011 }),
        label({ type: "polygon", exterior: [[0.9995, 1], [5, 5.25], [-0.0004, 3]], interior: [[[2.0011, 2], [3, 3], [2, 3.9999]]] }),
        label({ type: "point", x: 7.9999, y: 8 }),
        label({ type: "graph", nodes: { a: { loc: [4.9999, 1] } } }),
      ],
    });
    const objects = json.objects as Record<string, any>[];
    expect(objects[0].points.exterior).toEqual([[10, 373], [200.5, 300.0011]]);
    expect(objects[1].points.exterior).toEqual([[1, 1], [5, 5.25], [0, 3]]);
    expect(Object.is(objects[1].points.exterior[2][0], 0)).toBe(true); // not -0
    expect(objects[1].points.interior).toEqual([[[2.0011, 2], [3, 3], [2, 4]]]);
    expect(objects[2].points.exterior).toEqual([[8, 8]]);
    expect(objects[3].nodes.a.loc).toEqual([5, 1]);
    expect(sdkCoordinate(objects[0].points.exterior[0][1])).toBe(373);
  });
});

describe.skipIf(!HAVE_REAL_DATA)("VOC 2012: the 273 boxes from CVAT's YOLO export are, once the SDK floors them, those from VOC", () => {
  it("same boxes per item after PointLocation's floor", async () => {
    const boxes = async (input: string, formatOptions = {}) => {
      const out = path.join(tempDir(), "p");
      await importDataset(input, out, { formatOptions, images: "none" });
      const all: string[] = [];
      for (const f of listFiles(out).filter((x) => x.includes("/ann/"))) {
        const ann = JSON.parse(fs.readFileSync(path.join(out, f), "utf8"));
        for (const o of ann.objects) all.push(`${path.basename(f)} ${o.classTitle} ${o.points.exterior.flat().map(sdkCoordinate).join(",")}`);
      }
      return all.sort();
    };
    const fromVoc = await boxes(realData("pascalvoc-voc-voc2012"));
    const fromYolo = await boxes(realData("cvat-yolo-voc2012"), { sizesFrom: realData("cvat-voc-voc2012", "imagenet_format", "Annotations") });
    expect(fromVoc.length).toBe(273);
    expect(fromYolo).toEqual(fromVoc);
  });
});

describe("SDK rule: every file is written by Python's json.dump (indent=4, ensure_ascii, float repr)", () => {
  it("floats below 1e-4 in Python's exponent form; the rest as JavaScript writes them (the same digits)", () => {
    const cases: [string, string][] = [
      ["0.00001", "1e-05"], ["1.5e-7", "1.5e-07"], ["-0.000025", "-2.5e-05"], ["1e-300", "1e-300"], ["0.0001", "0.0001"],
      ["0.5", "0.5"], ["372", "372"], ["-3", "-3"], ["1e+21", "1000000000000000000000"], ["123.456", "123.456"],
    ];
    for (const [js, py] of cases) expect(pythonNumber(js)).toBe(py);
  });

  it("non-ASCII characters as \\u escapes (astral ones as two surrogates); strings that look like numbers untouched", () => {
    expect(pythonJson({ a: "Straße 🚗", n: 0.00001, s: "0.00001 e-5", t: [1e-7, 2] }).toString()).toBe(
      '{\n    "a": "Stra\\u00dfe \\ud83d\\ude97",\n    "n": 1e-05,\n    "s": "0.00001 e-5",\n    "t": [\n        1e-07,\n        2\n    ]\n}');
    const plain = Buffer.from(JSON.stringify({ a: "plain", b: [1, 2.5] }, null, 4));
    expect(pythonJsonBytes(plain)).toEqual(plain);
  });

  it("a project with non-ASCII names and a tiny float, written on the main thread and by the file-writer thread, reads and writes back byte for byte", async () => {
    for (const count of [3, 70]) {
      const meta = emptyProjectMeta();
      meta.classes.push({ title: "voiture 🚗", shape: "point", color: "#FF0000", geometryConfig: {}, description: "Straße", hotkey: "", extra: {} });
      meta.tagMetas.push({ name: "größe", valueType: "any_number", color: "#00FF00", hotkey: "", applicableType: "all", classes: [], extra: {} });
      const items = Array.from({ length: count }, (_, i) => ({
        name: `é${i}.png`,
        annotation: { size: { width: 4, height: 4 }, tags: [{ name: "größe", value: 0.00001 }], labels: [{ ...label({ type: "polygon", exterior: [[0.5, 0.25], [3, 0], [3, 3]], interior: [] }), classTitle: "voiture 🚗", description: "naïve" }] },
      }));
      const out = path.join(tempDir(), "p");
      await writeProject({ meta, datasets: [{ name: "ds", datasets: [], items }] }, out);
      for (const f of listFiles(out)) {
        const bytes = fs.readFileSync(path.join(out, f));
        expect(bytes.every((b) => b < 0x80), f).toBe(true);
      }
      const ann = fs.readFileSync(path.join(out, `ds/ann/\u00e9${count - 1}.png.json`), "utf8");
      expect(ann).toContain('"classTitle": "voiture \\ud83d\\ude97"');
      expect(ann).toContain('"description": "na\\u00efve"');
      expect(ann).toContain('"value": 1e-05');
      expect(fs.readFileSync(path.join(out, "meta.json"), "utf8")).toContain('"title": "voiture \\ud83d\\ude97"');
      const again = path.join(tempDir(), "again");
      await importDataset(out, again, { format: "supervisely" });
      expect(diffTrees(out, again)).toEqual([]);
    }
  });
});
