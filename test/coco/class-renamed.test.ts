/** A class whose title is taken (a category named like another category's keypoints class) is renamed and counted. */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { readDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { tempDir } from "../helpers/paths.js";

describe("COCO classes renamed on import", () => {
  it("person (with keypoints) and a category named person_keypoints: the second is person_keypoints_2, listed under changed", async () => {
    const file = path.join(tempDir(), "instances_x.json");
    fs.writeFileSync(file, JSON.stringify({
      images: [{ id: 1, file_name: "a.png", width: 10, height: 10 }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, bbox: [1, 1, 4, 4], area: 16, iscrowd: 0, segmentation: [], keypoints: [2, 2, 2], num_keypoints: 1 },
        { id: 2, image_id: 1, category_id: 2, bbox: [5, 5, 2, 2], area: 4, iscrowd: 0, segmentation: [] },
      ],
      categories: [{ id: 1, name: "person", keypoints: ["nose"], skeleton: [] }, { id: 2, name: "person_keypoints" }],
    }));
    const report = new Report();
    const { project } = await readDataset(file, { format: "coco", report, formatOptions: { images: "none" } });
    expect(project.meta.classes.map((c) => c.title).sort()).toEqual(["person", "person_keypoints", "person_keypoints_2"]);
    expect(report.changeEntries).toEqual([{
      className: "person_keypoints_2", what: "class", count: 1,
      how: 'renamed from "person_keypoints", which another class already has (a category, or a category\'s keypoints class)',
    }]);
    expect(report.toJSON().changed).toHaveLength(1);
  });
});
