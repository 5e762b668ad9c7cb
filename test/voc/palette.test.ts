import { describe, expect, it } from "vitest";
import { meaningOf, parseClassNames, parseColorsTxt, parseLabelmap, standardVocTable, vocColor, type TableIssue } from "../../formats/voc/palette.js";

describe("VOC colours and class tables", () => {
  it("vocColor is the devkit colour map", () => {
    expect([0, 1, 2, 3, 15, 20, 255].map(vocColor)).toEqual([
      [0, 0, 0], [128, 0, 0], [0, 128, 0], [128, 128, 0], [192, 128, 128], [0, 64, 128], [224, 224, 192],
    ]);
    expect(new Set(Array.from({ length: 256 }, (_, i) => vocColor(i).join(","))).size).toBe(256);
  });

  it("standard table: by index, 0 background, 255 void, unknown indices reported", () => {
    const t = standardVocTable();
    expect(meaningOf(t, 15, undefined)).toEqual({ kind: "class", name: "person", color: [192, 128, 128] });
    expect(meaningOf(t, 0, [0, 0, 0])).toEqual({ kind: "background" });
    expect(meaningOf(t, 255, [224, 224, 192])).toEqual({ kind: "void" });
    expect(meaningOf(t, 40, vocColor(40))).toEqual({ kind: "unknown" });
    // An RGB mask: its colour gives the index.
    expect(meaningOf(t, undefined, [192, 128, 128])).toMatchObject({ kind: "class", name: "person" });
  });

  it("labelmap.txt (CVAT): by colour, whatever index a PNG stores; bad lines reported with their line", () => {
    const issues: TableIssue[] = [];
    const t = parseLabelmap("# label:color_rgb:parts:actions\nbackground:0,0,0::\nperson:128,0,0:head,hand:jumping\ncar:0,0,300::\nroad sign:10,20,30::\n", "labelmap.txt", issues);
    expect(t.declared).toEqual(["person", "road sign"]);
    expect(meaningOf(t, 7, [128, 0, 0])).toEqual({ kind: "class", name: "person", color: [128, 0, 0] });
    expect(meaningOf(t, 1, [10, 20, 30])).toMatchObject({ name: "road sign" });
    expect(meaningOf(t, 0, [0, 0, 0])).toEqual({ kind: "background" });
    expect(meaningOf(t, 255, [224, 224, 192])).toEqual({ kind: "void" });
    expect(issues).toEqual([{ file: "labelmap.txt", line: 4, message: 'cannot read "car:0,0,300::": expected name:r,g,b:parts:actions' }]);
  });

  it("colors.txt (Supervisely export): names with spaces; `neutral` is void, not a class", () => {
    const t = parseColorsTxt("neutral 224 224 192\npotted plant 0 64 0\nkite 1 2 3\n", "colors.txt", []);
    expect(t.declared).toEqual(["potted plant", "kite"]);
    expect(meaningOf(t, undefined, [224, 224, 192])).toEqual({ kind: "void" });
    expect(meaningOf(t, undefined, [0, 64, 0])).toMatchObject({ name: "potted plant" });
  });

  it("class_names.txt (labelme): by index, _background_ first", () => {
    const t = parseClassNames("_background_\naeroplane\npotted plant\ntv/monitor\n", "class_names.txt");
    expect(t.kind).toBe("byIndex");
    expect(t.declared).toEqual(["aeroplane", "potted plant", "tv/monitor"]);
    expect(meaningOf(t, 3, vocColor(3))).toEqual({ kind: "class", name: "tv/monitor", color: vocColor(3) });
    expect(meaningOf(t, 0, [0, 0, 0])).toEqual({ kind: "background" });
    expect(meaningOf(t, 9, vocColor(9))).toEqual({ kind: "unknown" });
  });
});
