/** The printed summary and --json list every dropped or changed thing once, with counts, capped. */
import { describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { printReport } from "../../src/cli/output.js";
import { MAX_LISTED_ENTRIES, Report } from "../../src/report.js";

function printed(report: Report, maxPerCode?: number): string {
  const s = new PassThrough();
  let text = "";
  s.on("data", (c) => (text += String(c)));
  printReport(report, { stream: s, ...(maxPerCode ? { maxPerCode } : {}) });
  return text;
}

describe("loss and change summary", () => {
  it("one printed line per kind of thing, summed over classes, most frequent first", () => {
    const r = new Report();
    for (const [cls, n] of [["person", 91], ["car", 14], ["cat", 5], ["dog", 8]] as const) {
      r.lose(cls, "tag difficult", "YOLO has no object tags", n);
      r.lose(cls, "tag pose", "YOLO has no object tags", n);
    }
    r.lose("(image)", "tag weather", "YOLO has no image tags", 3);
    r.lose("road", "line", "COCO has no polylines", 2);
    r.change("car", "rectangle", "coordinates rounded to whole pixels", 4);
    expect(printed(r)).toBe([
      "not written (the target format cannot hold them):",
      '  118 × tag difficult of 4 classes ("person", "car", "cat", …): YOLO has no object tags',
      '  118 × tag pose of 4 classes ("person", "car", "cat", …): YOLO has no object tags',
      "  3 × tag weather of images: YOLO has no image tags",
      '  2 × line of class "road": COCO has no polylines',
      "changed to fit the target format:",
      '  4 × rectangle of class "car": coordinates rounded to whole pixels',
      "",
    ].join("\n"));
    const json = r.toJSON();
    expect(json.lossy).toHaveLength(10);
    expect(json.changed).toEqual([{ className: "car", what: "rectangle", how: "coordinates rounded to whole pixels", count: 4 }]);
  });

  it("capped: the rest counted, in print and in --json", () => {
    const r = new Report();
    for (let i = 0; i < MAX_LISTED_ENTRIES + 5; i++) r.lose(`c${i}`, `tag t${i}`, "no tags", 1);
    const lines = printed(r, 3).trim().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe(`  … ${MAX_LISTED_ENTRIES + 2} more kinds (${MAX_LISTED_ENTRIES + 2} in all; --json lists them per class)`);
    const json = r.toJSON();
    expect(json.lossy).toHaveLength(MAX_LISTED_ENTRIES);
    expect(json.lossyNotListed).toBe(5);
  });
});
