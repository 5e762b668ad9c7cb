import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_SCHEMA_FINDINGS_PER_FILE, schemasDir, validateAgainst, validators } from "../../src/validate/schemas.js";
import { repoRoot } from "./helpers.js";

const meta = (v: unknown) => validateAgainst("meta", v, "meta-schema", "meta.json").findings.map((f) => [f.pointer, f.message]);
const annotation = (v: unknown) => validateAgainst("annotation", v, "annotation-schema", "a.json").findings.map((f) => [f.pointer, f.message]);

const size = { height: 6, width: 8 };
const point = (extra: Record<string, unknown> = {}) => ({ classTitle: "pt", tags: [], points: { exterior: [[1, 2]], interior: [] }, ...extra });

describe("schema files", () => {
  it("live in schemas/ at the package root and are valid draft-07 schemas that compile", () => {
    expect(schemasDir()).toBe(path.join(repoRoot, "schemas") + path.sep);
    for (const name of ["meta", "annotation"]) {
      const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, "schemas", `${name}.schema.json`), "utf8"));
      expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    }
    expect(typeof validators().meta).toBe("function");
    expect(validators()).toBe(validators()); // compiled once
  });
});

describe("meta.schema.json", () => {
  const cls = { title: "car", shape: "rectangle", color: "#FF0000", geometry_config: {}, hotkey: "", description: "" };

  it("accepts the SDK's own shape and Supervisely's lenient forms", () => {
    expect(meta({ classes: [cls], tags: [{ name: "t", value_type: "none", color: "#00FF00" }], projectType: "images",
      projectSettings: { multiView: { enabled: false, tagName: null, tagId: null, isSynced: false }, labelingInterface: "default" } })).toEqual([]);
    expect(meta({ classes: [], tags: ["bare-string-tag"] })).toEqual([]);
    expect(meta({ classes: [], tags_images: ["a"], tags_objects: [{ name: "b", value_type: "oneof_string", values: ["x"] }] })).toEqual([]);
    expect(meta({ classes: [{ title: "kp", shape: "graph", geometry_config: { nodes: { n: { label: "n", loc: [1, 2] } }, edges: [] } }] })).toEqual([]);
  });

  it("names what is wrong, with a pointer to it", () => {
    expect(meta({})).toEqual([["", "missing required property `classes`"]]);
    expect(meta({ classes: [{ title: 5, shape: "point" }] })).toEqual([["/classes/0/title", "`title` must be a string"]]);
    expect(meta({ classes: [], projectType: "videos" })).toEqual([["/projectType", "`projectType` must be \"images\": slyconv validates image projects"]]);
    expect(meta({ classes: [], tags: [], tags_images: [] })).toEqual([
      ["/tags_images", "`tags_images` cannot be used together with `tags` (legacy and new tag lists are exclusive)"],
    ]);
    expect(meta({ classes: [], tags: [{ name: "t", value_type: "maybe" }] })).toEqual([
      ["/tags/0/value_type", "`value_type` must be one of \"none\", \"any_number\", \"any_string\", \"oneof_string\", \"date\""],
    ]);
    expect(meta({ classes: [], tags: [{ name: "t", value_type: "none", values: ["a"] }] })).toEqual([
      ["/tags/0/values", "`values` is only allowed for oneof_string tags"],
    ]);
    expect(meta({ classes: [], tags: [7] })).toEqual([["/tags/0", "must be a tag meta object or a tag name"]]);
    expect(meta({ classes: [{ title: "kp", shape: "graph", geometry_config: {} }] })).toEqual([
      ["/classes/0/geometry_config", "missing required property `nodes`"],
    ]);
    expect(meta({ classes: [], projectSettings: { multiView: { enabled: false, tagName: null, tagId: null, isSynced: false }, extra: 1 } })).toEqual([
      ["/projectSettings/extra", "unexpected property `extra`"],
    ]);
  });
});

describe("annotation.schema.json", () => {
  it("accepts the SDK's own shape and Supervisely's lenient forms", () => {
    expect(annotation({ description: "", size, tags: [], objects: [point()], customBigData: {} })).toEqual([]);
    expect(annotation({ annotation: { size, tags: ["bare"], objects: [point({ shape: "point" })] }, image_id: 1 })).toEqual([]);
    expect(annotation({ size: { height: null, width: null }, tags: [], objects: [] })).toEqual([]);
    expect(annotation({ size, tags: [{ name: "n", value: 1.5 }, { name: "s", value: null }], objects: [], imageId: 9, name: "a.png" })).toEqual([]);
    expect(annotation({ size, tags: [], objects: [{ classTitle: "o", tags: [], points: [[1, 2], [3, 4]], angle: 0.1 }] })).toEqual([]);
  });

  it("names what is wrong, with a pointer into the file", () => {
    expect(annotation({ size, tags: [] })).toEqual([["", "missing required property `objects`"]]);
    expect(annotation({ size: { height: 6, width: null }, tags: [], objects: [] })).toEqual([
      ["/size/height", "`height` must be null when width is null (both or neither)"],
    ]);
    expect(annotation({ size: { height: 0, width: 8.5 }, tags: [], objects: [] })).toEqual([
      ["/size/height", "`height` must be a positive whole number of pixels, or null when unknown"],
      ["/size/width", "`width` must be a positive whole number of pixels, or null when unknown"],
    ]);
    expect(annotation({ size, tags: [], objects: [{ classTitle: "x", tags: [] }] })).toEqual([
      ["/objects/0", "the object has no geometry: expected one of `points`, `parts`, `bitmap`, `nodes`, `vertices`"],
    ]);
    expect(annotation({ size, tags: [], objects: [point({ classTitle: 3 })] })).toEqual([["/objects/0/classTitle", "`classTitle` must be a string"]]);
    expect(annotation({ size, tags: [], objects: [point({ points: { exterior: [[1, 2, 3]] } })] })).toEqual([
      ["/objects/0/points/exterior/0", "must be a point [x, y] of two numbers"],
    ]);
    expect(annotation({ size, tags: [], objects: [point({ points: { interior: [] } })] })).toEqual([
      ["/objects/0/points", "missing required property `exterior`"],
    ]);
    expect(annotation({ size, tags: [{ value: 1 }], objects: [] })).toEqual([["/tags/0", "missing required property `name`"]]);
    expect(annotation({ size, tags: [{ name: "t", value: [1] }], objects: [] })).toEqual([["/tags/0/value", "`value` must be a string, a number or null"]]);
    expect(annotation({ annotation: { size, tags: [], objects: [{ tags: [], bitmap: { origin: [0, 0] } }] } })).toEqual([
      ["/annotation/objects/0", "missing required property `classTitle`"],
      ["/annotation/objects/0/bitmap", "missing required property `data`"],
    ]);
    expect(annotation([])).toEqual([["", "an annotation must be a JSON object"]]);
  });

  it("keeps Infinity (JSON 1e999) for the semantic check instead of calling it not a number", () => {
    expect(annotation(JSON.parse('{"size": {"height": 6, "width": 8}, "tags": [], "objects": [{"classTitle": "p", "tags": [], "points": {"exterior": [[1e999, 1]]}}]}'))).toEqual([]);
  });

  it(`lists at most ${MAX_SCHEMA_FINDINGS_PER_FILE} errors of one file, then one summary`, () => {
    const objects = Array.from({ length: 30 }, () => ({ classTitle: 1, tags: [], points: { exterior: [[0, 0]] } }));
    const found = annotation({ size, tags: [], objects });
    expect(found).toHaveLength(MAX_SCHEMA_FINDINGS_PER_FILE + 1);
    expect(found[MAX_SCHEMA_FINDINGS_PER_FILE]).toEqual(["", "… and 10 more schema errors in this file"]);
  });
});
