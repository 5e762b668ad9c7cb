import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportProject, importDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { diffTrees, listFiles, tempDir } from "../helpers/paths.js";
import {
  COLOUR_STREET, GENERIC_A, GENERIC_B, MASK_FIXTURES, SLY_X_MACHINE, SLY_X_PERSON_1, SLY_X_PERSON_2, SLY_X_TV_1, SLY_Z_MACHINE,
} from "./fixture-data.js";
import { colourGrid, maskGrid } from "./helpers.js";

const fx = (c: string) => path.join(MASK_FIXTURES, c);
const to255 = (grid: number[][]) => grid.map((r) => r.map((v) => (v ? 255 : 0)));

/** masks → Supervisely project → masks, through the files on disk as a user would run it. */
async function roundTrip(input: string, importOptions: Record<string, unknown> = {}, exportOptions: Record<string, unknown> = {}) {
  const dir = tempDir();
  const sly = path.join(dir, "sly"), out = path.join(dir, "masks");
  const report = new Report();
  await importDataset(input, sly, { format: "masks", formatOptions: importOptions, report });
  await exportProject(sly, out, { format: "masks", formatOptions: exportOptions, report });
  return { sly, out, report };
}

describe("pixel-exact round trip masks → Supervisely → masks", () => {
  it("Supervisely masks layout: machine and instance masks come back pixel for pixel, then byte for byte", async () => {
    const { out, report } = await roundTrip(fx("sly-layout"));
    expect(report.errorCount).toBe(0);
    expect(maskGrid(path.join(out, "ds1/masks_machine/x.png"))).toEqual(SLY_X_MACHINE);
    expect(maskGrid(path.join(out, "ds1/masks_machine/x.png"))).toEqual(maskGrid(fx("sly-layout/ds1/masks_machine/x.png")));
    expect(maskGrid(path.join(out, "ds1/masks_instances/x/person_1.png"))).toEqual(to255(SLY_X_PERSON_1));
    expect(maskGrid(path.join(out, "ds1/masks_instances/x/person_2.png"))).toEqual(to255(SLY_X_PERSON_2));
    expect(maskGrid(path.join(out, "ds1/masks_instances/x/tv_monitor_1.png"))).toEqual(to255(SLY_X_TV_1));
    expect(maskGrid(path.join(out, "ds1/datasets/sub/masks_machine/z.png"))).toEqual(SLY_Z_MACHINE);
    // y.png had no mask: it is kept, and gets an all-background mask.
    expect(maskGrid(path.join(out, "ds1/masks_machine/y.png"))).toEqual([[0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]);
    expect(listFiles(out).filter((f) => f.includes("/img/"))).toEqual(["ds1/datasets/sub/img/z.png", "ds1/img/x.png", "ds1/img/y.png"]);
    // Our own export read back and written again is the same tree, byte for byte.
    const again = await roundTrip(out);
    expect(diffTrees(out, again.out)).toEqual([]);
  });

  it("generic class-index masks keep their index values (255 = ignore becomes background, as documented)", async () => {
    const { out } = await roundTrip(fx("generic-index"));
    expect(maskGrid(path.join(out, "generic-index/masks_machine/b.png"))).toEqual(GENERIC_B);
    expect(maskGrid(path.join(out, "generic-index/masks_machine/a.png"))).toEqual(GENERIC_A.map((r) => r.map((v) => (v === 255 ? 0 : v))));
    expect(maskGrid(path.join(out, "generic-index/masks_machine/c.png"))).toEqual(Array.from({ length: 4 }, () => [0, 0, 0, 0, 0, 0]));
  });

  it("colour masks come back in the same colours (masks_semantic_rgb)", async () => {
    const { out } = await roundTrip(fx("generic-colour"), { classMap: path.join(fx("generic-colour"), "colors.json") });
    expect(colourGrid(path.join(out, "generic-colour/masks_semantic_rgb/street.png"))).toEqual(COLOUR_STREET.map((r) => r.map((c) => c.join(","))));
  });

  it("split instances survive too: components are disjoint, so the machine mask is unchanged", async () => {
    const { out } = await roundTrip(fx("generic-index"), { splitInstances: true, connectivity: "4" });
    expect(maskGrid(path.join(out, "generic-index/masks_machine/b.png"))).toEqual(GENERIC_B);
    expect(listFiles(path.join(out, "generic-index/masks_instances/b"))).toEqual(["cat_1.png", "cat_2.png", "dog_1.png", "dog_2.png"]);
  });
});
