/**
 * Masks export, object by object: labels bound by `instance` (of one class) are one object, one instance mask, as a
 * COCO annotation of several polygon parts is one annotation.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { convertDataset, writeDataset } from "../../src/api.js";
import type { Label, Project } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { HAVE_REAL_DATA, expectedFacts, listFiles, realData, tempDir } from "../helpers/paths.js";
import { maskGrid } from "./helpers.js";

const square = (x: number, y: number): Label["geometry"] => ({ type: "polygon", exterior: [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1]], interior: [] });

describe("masks export: one instance mask per object", () => {
  it("two parts bound by instance are one mask holding both; an unbound label is a mask of its own", async () => {
    const meta = emptyProjectMeta();
    ensureClass(meta, "sofa", "polygon");
    const labels: Label[] = [
      { classTitle: "sofa", geometry: square(0, 0), tags: [], extra: { instance: "a" } },
      { classTitle: "sofa", geometry: square(4, 2), tags: [], extra: { instance: "a" } },
      { classTitle: "sofa", geometry: square(4, 0), tags: [] },
    ];
    const p: Project = { meta, datasets: [{ name: "ds", datasets: [], items: [{ name: "x.png", annotation: { size: { width: 6, height: 4 }, tags: [], labels } }] }] };
    const out = path.join(tempDir(), "m");
    const report = new Report();
    await writeDataset(p, out, { format: "masks", formatOptions: { images: "none" }, report });
    expect(listFiles(out).filter((f) => f.includes("masks_instances"))).toEqual(["ds/masks_instances/x/sofa_1.png", "ds/masks_instances/x/sofa_2.png"]);
    // A polygon's vertices are pixel centres: the unit square at (0, 0) covers pixels (0..1, 0..1).
    expect(maskGrid(path.join(out, "ds/masks_instances/x/sofa_1.png"))).toEqual([
      [255, 255, 0, 0, 0, 0],
      [255, 255, 0, 0, 0, 0],
      [0, 0, 0, 0, 255, 255],
      [0, 0, 0, 0, 255, 255],
    ]);
    expect(maskGrid(path.join(out, "ds/masks_instances/x/sofa_2.png"))).toEqual([
      [0, 0, 0, 0, 255, 255],
      [0, 0, 0, 0, 255, 255],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
    ]);
  });

  it.skipIf(!HAVE_REAL_DATA)("labelme-coco-instanceseg → masks: one instance mask per annotation (the 4-part sofa is one)", async () => {
    const facts = expectedFacts()["labelme-coco-instanceseg"].files[0];
    const out = path.join(tempDir(), "m");
    await convertDataset(realData("labelme-coco-instanceseg"), out, { to: "masks", formatOptions: { images: "none" }, report: new Report() });
    const perClass: Record<string, number> = {};
    for (const f of listFiles(out).filter((x) => x.includes("/masks_instances/"))) {
      const cls = path.basename(f, ".png").replace(/_\d+$/, "");
      perClass[cls] = (perClass[cls] ?? 0) + 1;
    }
    expect(perClass).toEqual(facts.annotations_per_category);
  });
});
