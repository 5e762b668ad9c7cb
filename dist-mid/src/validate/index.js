/**
 * `slyconv validate`: a Supervisely project against schemas/*.schema.json (ajv) and the semantic rules of
 * docs/validate.md. Datasets are listed by name only and items are checked as a stream with bounded concurrency,
 * so memory does not grow with the number of items (only the findings do).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { Report } from "../report.js";
import { UsageError } from "../errors.js";
import { silentProgress } from "../io/progress.js";
import { mapConcurrent } from "../io/concurrency.js";
import { DEFAULT_PROBE_CONCURRENCY } from "../io/image-size.js";
import { IMG_DIR, META_FILE, findProjectRoot, sdkListsImage, sdkSkippedEnding } from "../supervisely/layout.js";
import { isObject } from "./meta-checks.js";
import { finding } from "./codes.js";
import { validateAgainst } from "./schemas.js";
import { checkMeta } from "./meta-checks.js";
import { listDataset, walkDatasetDirs } from "./listing.js";
import { checkItem, readJsonForCheck, wasRead } from "./item-checks.js";
import { SHARD_MANIFEST_FILE, shardOf } from "../shard.js";
export { CHECKS } from "./codes.js";
/** A dataset's full name (`parent/child`) from its folder (`parent/datasets/child`): the first half of a shard key. */
function datasetPathOf(rel) {
    return rel.split("/").filter((_, i) => i % 2 === 0).join("/");
}
/**
 * Checks a Supervisely project. Findings go to `report` with paths relative to the project root (the folder holding
 * meta.json: `dir` itself, or its single sub-folder that has one). A missing folder is a usage error.
 */
export async function validateProject(dir, opts = {}) {
    const report = opts.report ?? new Report(Number.MAX_SAFE_INTEGER);
    const progress = opts.progress ?? silentProgress;
    const concurrency = Math.max(1, opts.concurrency ?? DEFAULT_PROBE_CONCURRENCY);
    const st = await fs.stat(dir).catch(() => null);
    if (!st)
        throw new UsageError(`project folder ${dir} does not exist`);
    if (!st.isDirectory())
        throw new UsageError(`${dir} is not a folder; pass the project folder (the one holding meta.json)`);
    const root = (await findProjectRoot(dir)) ?? dir;
    const meta = await checkProjectMeta(root, report);
    const datasets = [];
    for await (const ds of walkDatasetDirs(root))
        datasets.push(ds);
    // A names-only first pass gives the progress bar its total; it costs a directory listing per dataset.
    const shard = opts.shard;
    const ofShard = (ds, entries) => shard ? entries.filter((e) => shardOf(datasetPathOf(ds.rel), e.name, shard.count) === shard.index) : entries;
    let total = 0, inProject = 0;
    for (const ds of datasets) {
        const { entries } = await listDataset(ds);
        inProject += entries.length;
        total += ofShard(ds, entries).length;
    }
    let items = 0;
    progress.start("validating", total, "items");
    try {
        for (const ds of datasets) {
            const whole = await listDataset(ds);
            const listing = { ...whole, entries: ofShard(ds, whole.entries) };
            for (const f of listing.findings)
                report.add(f);
            checkDatasetForSdk(ds, report, await fs.stat(path.join(ds.dir, IMG_DIR)).then((s) => s.isDirectory(), () => false));
            const datasetHasImageFiles = whole.entries.some((e) => e.image);
            const datasetHasSdkImages = whole.entries.some((e) => e.image && sdkListsImage(e.image));
            let imageless = 0;
            const results = mapConcurrent(listing.entries, concurrency, (e) => checkItem(e, { ds, meta, datasetHasImageFiles, datasetHasSdkImages }));
            // mapConcurrent yields in listing order, so the report's order does not depend on timing.
            for await (const r of results) {
                for (const f of r.findings)
                    report.add(f);
                if (r.imageless)
                    imageless++;
                items++;
                progress.increment();
            }
            if (!datasetHasImageFiles && imageless > 0) {
                report.add(finding("dataset-without-images", ds.rel, "", `${imageless} of ${listing.entries.length} items have an annotation but no image file and no link (annotation-only dataset)`));
            }
        }
    }
    finally {
        progress.stop();
    }
    // A shard output (its manifest at the top) of a shard that got no item is complete as it is.
    const emptyShard = await fs.stat(path.join(root, SHARD_MANIFEST_FILE)).then(() => true, () => false);
    if (inProject === 0 && !emptyShard)
        report.add(finding("project-empty", ".", "", "the project has no items: no dataset folder with img/ or ann/ files"));
    report.count("items", items);
    return { report, items };
}
/**
 * What keeps the Supervisely SDK from opening a dataset: no img/ folder (`Dataset._read`: "Item directory not found"),
 * or a folder name it skips (`fs.subdirs_tree` drops every path ending with one of the dataset's own folder names).
 */
function checkDatasetForSdk(ds, report, hasImgDir) {
    const ending = sdkSkippedEnding(ds.rel);
    if (ending !== undefined) {
        report.add(finding("dataset-name-skipped", ds.rel, "", `the Supervisely SDK skips this dataset without a word: its folder name ends with "${ending}" (it takes such folders for a dataset's own ann/, img/, seg/… folders); rename it`));
    }
    if (!hasImgDir) {
        report.add(finding("img-dir-missing", ds.rel, "", `the dataset has no ${IMG_DIR}/ folder: the Supervisely SDK does not open it ("Item directory not found"); create an empty ${IMG_DIR}/ if it has no images`));
    }
}
/** meta.json: parse, schema, semantic checks. Returns the class/tag index, or undefined when there is none to use. */
async function checkProjectMeta(root, report) {
    const metaPath = path.join(root, META_FILE);
    if (!(await fs.stat(metaPath).catch(() => null))) {
        report.add(finding("meta-missing", META_FILE, "", "the project has no meta.json; classes and tags cannot be checked"));
        return undefined;
    }
    const found = [];
    const raw = await readJsonForCheck(metaPath, META_FILE, found);
    let index;
    if (wasRead(raw)) {
        found.push(...validateAgainst("meta", raw, "meta-schema", META_FILE).findings);
        if (isObject(raw) && raw.projectType === undefined) {
            found.push(finding("project-type-missing", META_FILE, "", "meta.json has no projectType: the Supervisely SDK's sly.read_project refuses the project (\"Unknown type of project: 'None'\"); add \"projectType\": \"images\""));
        }
        const semantic = checkMeta(raw, META_FILE);
        found.push(...semantic.findings);
        index = semantic.index;
    }
    for (const f of found)
        report.add(f);
    return index;
}
//# sourceMappingURL=index.js.map