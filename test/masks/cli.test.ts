import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/paths.js";
import { MASK_FIXTURES, SLY_X_MACHINE } from "./fixture-data.js";
import { maskGrid } from "./helpers.js";

// Runs dist/: build first (`npx tsc -p .`; `npm test` does it).
describe("slyconv CLI with -f masks", () => {
  it("import → export round trip with the built binary", async () => {
    const dir = tempDir();
    const imp = await runCli(["import", path.join(MASK_FIXTURES, "sly-layout"), path.join(dir, "sly"), "-f", "masks", "--json"]);
    expect(imp.code).toBe(0);
    const summary = JSON.parse(imp.stdout);
    expect([summary.format, summary.items, summary.errors]).toEqual(["masks", 3, 0]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "sly", "meta.json"), "utf8")).classes.map((c: { title: string; shape: string }) => [c.title, c.shape]))
      .toEqual([["person", "bitmap"], ["tv/monitor", "bitmap"]]);
    const exp = await runCli(["export", path.join(dir, "sly"), path.join(dir, "masks"), "-f", "masks", "--overlay"]);
    expect(exp.code).toBe(0);
    expect(exp.stdout).toContain("exported 3 items as masks");
    expect(maskGrid(path.join(dir, "masks", "ds1", "masks_machine", "x.png"))).toEqual(SLY_X_MACHINE);
    expect(fs.existsSync(path.join(dir, "masks", "ds1", "masks_human", "x.png"))).toBe(true);
  });

  it("detects the layout, takes --split-instances, and prints findings with file names", async () => {
    const dir = tempDir();
    const r = await runCli(["import", path.join(MASK_FIXTURES, "generic-index"), path.join(dir, "sly"), "--split-instances", "--connectivity", "4"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("imported 3 items (masks)");
    expect(r.stderr).toContain("masks/zzz.png: warning mask has no image of the same stem; skipped [mask-without-image]");
    const ann = JSON.parse(fs.readFileSync(path.join(dir, "sly", "generic-index", "ann", "b.png.json"), "utf8"));
    expect(ann.objects.map((o: { classTitle: string }) => o.classTitle)).toEqual(["cat", "cat", "dog", "dog"]);
  });

  it("a bad option value is a usage error (exit 2)", async () => {
    const r = await runCli(["import", path.join(MASK_FIXTURES, "generic-index"), path.join(tempDir(), "sly"), "-f", "masks", "--ignore-value", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--ignore-value must be an integer 0..65535 or 'none'");
  });
});
