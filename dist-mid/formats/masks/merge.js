/**
 * `slyconv merge` of masks shard outputs: every image's files (img/, masks_machine/, masks_semantic_rgb/,
 * masks_instances/, masks_human/) are its own shard's, so the datasets are joined file by file; the class maps
 * (one for the whole run, from the project's classes) must be the same in every shard and are written once.
 * An image's masks are named after its stem, unless an earlier image of its dataset has that stem (`a.jpg` and
 * `a.png`): then after its full name. Each shard recorded the stem it used (sidecar masks.ndjson); merge replays
 * the choice in the run's order and renames the masks whose name the single run gives differently.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { SlyconvError, optionName } from "../../src/errors.js";
import { copyUnion } from "../../src/io/merge-tree.js";
import { replayNames } from "../../src/shard.js";
import { MACHINE_COLOR_FILE, SEMANTIC_COLOR_FILE } from "./class-map.js";
import { SLY_HUMAN_DIR, SLY_INSTANCES_DIR, SLY_MACHINE_DIR, SLY_SEMANTIC_DIR } from "./layout.js";
const stemOf = (name) => (name.lastIndexOf(".") > 0 ? name.slice(0, name.lastIndexOf(".")) : name);
const isMasksLine = (l) => Array.isArray(l) && typeof l[0] === "number" && typeof l[1] === "string" && typeof l[2] === "string" && typeof l[3] === "string";
/** Per shard, the mask files and folders whose names the single run gives differently. */
async function maskRenames(shards, ctx) {
    // The stems each dataset has given so far, as the writer keeps them.
    const stems = new Map();
    return replayNames(shards, "masks.ndjson", isMasksLine, "[position, dataset folder, name, stem]", ([, dir, name, used], rename) => {
        const given = stems.get(dir) ?? new Set();
        stems.set(dir, given);
        let stem = stemOf(name);
        if (given.has(stem.toLowerCase())) {
            if (stem !== used)
                ctx.report.info("mask-name-collision", `another image has the stem ${JSON.stringify(stem)}: its masks are named ${JSON.stringify(name + ".png")}`, { file: `${dir}/${name}` });
            stem = name;
        }
        given.add(stem.toLowerCase());
        if (stem === used)
            return;
        for (const sub of [SLY_MACHINE_DIR, SLY_SEMANTIC_DIR, SLY_HUMAN_DIR])
            rename(`${dir}/${sub}/${used}.png`, `${dir}/${sub}/${stem}.png`);
        rename(`${dir}/${SLY_INSTANCES_DIR}/${used}`, `${dir}/${SLY_INSTANCES_DIR}/${stem}`);
    });
}
const CLASS_MAPS = [MACHINE_COLOR_FILE, SEMANTIC_COLOR_FILE];
export async function mergeMasksShards(shards, outDir, ctx, options = {}) {
    for (const name of CLASS_MAPS) {
        const first = await fs.readFile(path.join(shards[0].dir, name));
        for (const s of shards.slice(1)) {
            if (!(await fs.readFile(path.join(s.dir, name))).equals(first)) {
                throw new SlyconvError("shards-of-different-runs", `${name} of ${s.dir} differs from ${shards[0].dir}'s: the shards were not written by one run (or with other ${optionName("classMap")} files)`, { file: path.join(s.dir, name) }, 2);
            }
        }
        await fs.writeFile(path.join(outDir, name), first, { flag: "wx" });
    }
    const renames = await maskRenames(shards, ctx);
    await copyUnion(shards.map((s) => s.dir), outDir, { link: options.link, skip: (rel) => CLASS_MAPS.includes(rel), renamed: (shard, rel) => renames[shard].get(rel) });
    ctx.report.count("items", shards.reduce((n, s) => n + s.manifest.items, 0));
}
//# sourceMappingURL=merge.js.map