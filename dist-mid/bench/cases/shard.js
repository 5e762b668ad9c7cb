/**
 * Scale-out (docs/scale-out.md): the train2017-shape COCO import as 2 shards run side by side (each in a process of
 * its own, as two pods would run it; on this 2-core machine they share the cores), then `merge` of their outputs.
 * Its row is the whole (both shards, then the merge) against the same floor as the single import (coco.ts), whose
 * row the filter "coco→supervisely train2017" shows beside it; the rows under it are each job's own wall time and
 * peak RSS: each shard, the merge, and the merge again with --link (hardlinks instead of copies). The whole's wall
 * time counts both merges.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SHAPES, cocoFile, generate } from "./coco.js";
const SHARDS = 2;
const shape = SHAPES.find((s) => s.name === "train2017");
/** The COCO file is coco.ts's (its data folder beside this one's), generated once for both. */
const input = (dataDir) => cocoFile(path.join(dataDir, "..", "coco"), shape);
const job = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "shard-job.js");
/** One job of bench/shard-job.ts in a child process: its own wall time, CPU time and peak RSS. */
function runJob(name, args) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [job, ...args], { stdio: ["ignore", "pipe", "pipe"] });
        let out = "", err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("error", reject);
        child.on("close", (code) => {
            if (code !== 0)
                return reject(new Error(`${name} exited ${code}: ${err.trim().split("\n").slice(-3).join(" ")}`));
            const r = JSON.parse(out.trim().split("\n").pop());
            resolve({ name, ...r });
        });
    });
}
export const cases = [
    {
        name: `coco→supervisely train2017-shape (import) as ${SHARDS} shards side by side, then merge (copies, then --link)`,
        floor: "coco-train2017",
        target: "each shard's peak RSS below the single import's; the shards side by side about the single import's time (2 cores: they share them)",
        prepare: (dataDir) => generate(input(dataDir), shape),
        run: async (dataDir, outDir) => {
            const shards = [...Array(SHARDS).keys()].map((i) => path.join(outDir, `shard-${i}`));
            const imports = await Promise.all(shards.map((dir, i) => runJob(`shard ${i}/${SHARDS}`, ["import", input(dataDir), dir, String(i), String(SHARDS), "bench"])));
            const copied = await runJob("merge", ["merge", path.join(outDir, "merged"), "copy", ...shards]);
            const linked = await runJob("merge --link", ["merge", path.join(outDir, "merged-link"), "link", ...shards]);
            const written = imports.reduce((n, r) => n + r.items, 0);
            for (const m of [copied, linked])
                if (m.items !== written)
                    throw new Error(`${m.name} joined ${m.items} items, the shards wrote ${written}`);
            return { items: copied.items, parts: [...imports, copied, linked] };
        },
    },
];
//# sourceMappingURL=shard.js.map