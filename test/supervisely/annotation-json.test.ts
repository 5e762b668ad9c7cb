/**
 * Writing annotation files: annotationToJson keeps every key of a label, tag or geometry in its place (odd keys
 * included), and the packed way the file-writer thread takes (point lists apart, the rest by JSON.stringify, then
 * re-indented) gives the bytes of JSON.stringify(annotationToJson(a), null, 4) for every fixture annotation.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { annotationFromJson, annotationToJson, metaFromJson } from "../../formats/supervisely/json-model.js";
import { JsonWriter, PointLists } from "../../src/io/canonical-json.js";
import { bitmapEncodedOnRead, encodeBitmapData, maskOfPendingData } from "../../src/codecs/bitmap.js";
import type { Annotation, ProjectMeta } from "../../src/model/index.js";
import { FIXTURES, annotationFiles } from "../helpers/paths.js";

function readAnnotation(file: string): Annotation | null {
  let meta: ProjectMeta | undefined;
  try {
    meta = metaFromJson(JSON.parse(fs.readFileSync(path.join(file, "../../../meta.json"), "utf8")));
  } catch {
    meta = undefined;
  }
  try {
    return annotationFromJson(JSON.parse(fs.readFileSync(file, "utf8").replace(/^\ufeff/, "")), meta, file);
  } catch {
    return null; // the bad-input fixtures
  }
}

const lists = new PointLists();
const writer = new JsonWriter(64);

/** What the file-writer thread writes for `a`, or null when it is not packed. */
function packedBytes(a: Annotation): string | null {
  const packed = lists.finish(annotationToJson(a, lists.write));
  if (!packed) return null;
  writer.reset();
  writer.indentedPacked(packed.skeleton, packed.coords, packed.masks, encodeBitmapData);
  return writer.view().toString("utf8");
}

describe("annotation files as written", () => {
  it("the packed way gives JSON.stringify(annotationToJson(a), null, 4) for every fixture annotation", () => {
    const anns = annotationFiles(FIXTURES).map(readAnnotation).filter((a): a is Annotation => a !== null);
    expect(anns.length).toBeGreaterThan(30);
    let points = 0;
    for (const a of anns) {
      expect(packedBytes(a)).toBe(JSON.stringify(annotationToJson(a), null, 4));
      points += a.labels.filter((l) => l.geometry.type === "polygon").length;
    }
    expect(points).toBeGreaterThan(10);
  });

  it("a bitmap encoded on read: packed as its mask, encoded where the file is written, the same bytes", () => {
    const mask = { width: 11, height: 5, data: Uint8Array.from({ length: 55 }, (_, i) => (i * 7) % 3 === 0 ? 1 : 0) };
    const geometry = bitmapEncodedOnRead([3, 4], mask);
    const a: Annotation = {
      size: { width: 20, height: 10 }, tags: [],
      labels: [
        { classTitle: "m", geometry, tags: [] },
        { classTitle: "p", geometry: { type: "polygon", exterior: [[1, 2], [3, 4], [5, 1]], interior: [] }, tags: [] },
      ],
    };
    const packed = packedBytes(a);
    // Packing took the mask, not its string: the data is still to be made.
    expect(maskOfPendingData(geometry)).toBe(mask);
    expect(packed).toBe(JSON.stringify(annotationToJson(a), null, 4));
    expect(geometry.data).toBe(encodeBitmapData(mask));
    expect(maskOfPendingData(geometry)).toBeNull();
    // A value set replaces the mask.
    const other = bitmapEncodedOnRead([0, 0], mask);
    other.data = "set";
    expect(JSON.stringify(other)).toBe('{"type":"bitmap","origin":[0,0],"data":"set"}');
  });

  it("keeps odd keys of labels, tags, geometries and graph nodes in their place", () => {
    const text = JSON.stringify({
      description: "",
      size: { height: 10, width: 20 },
      tags: ["TAG"],
      objects: [
        {
          classTitle: "a", description: "", tags: [], points: { exterior: [[1, 2], [3, 4], [5, 1]], interior: [] },
          toString: "kept", id: 7, shape: "polygon", geometryType: "polygon", constructor: "also", "1": "one", createdAt: "then",
        },
        {
          classTitle: "k", description: "", tags: [], nodes: { toString: { loc: [1, 2], disabled: true, hasOwnProperty: 1 }, n2: { loc: [3, 4] } },
          shape: "graph", geometryType: "graph",
        },
        { classTitle: "o", description: "", tags: [], shape: "point_cloud_thing", geometryType: "point_cloud_thing", valueOf: 1, payload: [1] },
      ],
      customBigData: {},
    }).replace('"TAG"', '{"name":"t","value":1,"toString":"x","constructor":2,"__proto__":{"a":1},"0":"zero","after":true}');
    const raw = JSON.parse(text);
    const back = annotationToJson(annotationFromJson(raw, undefined, "odd.json"));
    const label = (back.objects as Record<string, unknown>[])[0];
    // The SDK's order (Label.to_json): the info keys (createdAt, id) right after the geometry, then nnCreated and
    // nnUpdated (false when absent); the others as they came.
    expect(Object.keys(label)).toEqual(["1", "classTitle", "description", "tags", "points", "shape", "geometryType", "createdAt", "id", "nnCreated", "nnUpdated", "toString", "constructor"]);
    expect(label.toString).toBe("kept");
    const tag = (back.tags as Record<string, unknown>[])[0];
    expect(Object.keys(tag)).toEqual(["0", "name", "value", "toString", "constructor", "__proto__", "after"]);
    expect(Object.getPrototypeOf(tag)).toBe(Object.prototype);
    expect(JSON.stringify(tag)).toBe(JSON.stringify(raw.tags[0]));
    const graph = (back.objects as Record<string, unknown>[])[1];
    expect(JSON.stringify(graph.nodes)).toBe(JSON.stringify(raw.objects[1].nodes));
    const other = (back.objects as Record<string, unknown>[])[2];
    // An unknown geometry: its type where the SDK writes it, its keys after the ones the SDK knows, as they came.
    expect(JSON.stringify(other)).toBe(JSON.stringify({
      classTitle: "o", description: "", tags: [], geometryType: "point_cloud_thing", shape: "point_cloud_thing", nnCreated: false, nnUpdated: false, valueOf: 1, payload: [1],
    }));
    // And the packed way writes the same bytes.
    expect(packedBytes(annotationFromJson(raw, undefined, "odd.json"))).toBe(JSON.stringify(back, null, 4));
  });
});
