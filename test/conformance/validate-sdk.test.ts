/**
 * Issue 16: `slyconv validate` tells a user, before uploading, what Supervisely's SDK would not open or not see in a
 * project made elsewhere; and it finds none of it in what slyconv writes. The broken fixtures pin each code
 * (fixtures/validate/broken/{img-dir-missing,item-hidden-from-sdk,dataset-name-skipped,project-type-missing}); these
 * cases are the real SDK-written project and slyconv's own outputs.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importDataset } from "../../src/api.js";
import { validateProject } from "../../src/validate/index.js";
import { sdkOpenProject } from "./sdk-loader.js";
import { FIXTURES, HAVE_REAL_DATA, realData, tempDir } from "../helpers/paths.js";

const SDK_CODES = ["img-dir-missing", "item-hidden-from-sdk", "dataset-name-skipped", "project-type-missing"];
const sdkFindings = async (dir: string) => (await validateProject(dir)).report.findings.filter((f) => SDK_CODES.includes(f.code)).map((f) => `${f.code} ${f.file}`);

describe.skipIf(!HAVE_REAL_DATA)("validate on the project the SDK wrote (supervisely-sdk-allgeometries)", () => {
  it("as git keeps it (no empty links/img/): img-dir-missing for links, which the SDK then does not open", async () => {
    const dir = path.join(tempDir(), "sdk");
    fs.cpSync(realData("supervisely-sdk-allgeometries"), dir, { recursive: true });
    expect(await sdkFindings(dir)).toEqual(["img-dir-missing links"]);
    expect(sdkOpenProject(dir).failed.map((f) => f.path)).toEqual(["links"]);
    // As the SDK left it: nothing to say.
    fs.mkdirSync(path.join(dir, "links/img"));
    expect(await sdkFindings(dir)).toEqual([]);
    expect(sdkOpenProject(dir).failed).toEqual([]);
  });
});

describe("validate finds nothing the SDK would not open in what slyconv writes", () => {
  it("a COCO import with an item without image and a dataset named like instance segmentation", async () => {
    const input = path.join(tempDir(), "instanceseg");
    fs.cpSync(path.join(FIXTURES, "coco/full"), input, { recursive: true });
    const out = path.join(tempDir(), "project");
    const { report } = await importDataset(path.join(input, "annotations/instances_val.json"), out, { format: "coco", formatOptions: { dataset: "instanceseg", imagesDir: path.join(input, "val") }, images: "copy" });
    expect(report.codes("info").sort()).toEqual(expect.arrayContaining(["dataset-renamed", "items-without-image"]));
    expect(fs.readdirSync(out).filter((d) => fs.statSync(path.join(out, d)).isDirectory()).sort()).toEqual(["instanceseg-ds", "instanceseg-ds-no-image"]);
    expect(await sdkFindings(out)).toEqual([]);
    const sdk = sdkOpenProject(out);
    expect(sdk.datasets.map((d) => `${d.name}:${d.items.size}`).sort()).toEqual(["instanceseg-ds-no-image:1", "instanceseg-ds:2"]);
  });
});
