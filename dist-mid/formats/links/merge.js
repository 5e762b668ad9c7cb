/**
 * `slyconv merge` of link-list shard outputs: one links.csv (or links.txt) with every shard's rows in the single
 * run's order (each shard records the position of each row it wrote), under the header they share.
 */
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { SlyconvError } from "../../src/errors.js";
import { inRunOrder, readSidecar } from "../../src/shard.js";
const LIST_FILES = ["links.csv", "links.txt"];
const FLUSH_BYTES = 1 << 20;
/** The rows of a list file, each with its line break; a quoted CSV field may hold line breaks of its own. */
async function* rowsOf(file, csv) {
    let row = "";
    let quotes = 0;
    let rest = "";
    // Split at "\n" alone (readline would also split at a "\r" inside a quoted field).
    for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop();
        for (const line of lines) {
            row += line + "\n";
            if (csv)
                quotes += line.split('"').length - 1;
            if (quotes % 2 === 0) {
                yield row;
                row = "";
                quotes = 0;
            }
        }
    }
    if (row || rest)
        yield row + rest;
}
export async function mergeLinksShards(shards, outDir, ctx, _options = {}) {
    const names = await Promise.all(shards.map(async (s) => {
        for (const name of LIST_FILES)
            if (await fs.stat(path.join(s.dir, name)).then(() => true, () => false))
                return name;
        throw new SlyconvError("shard-invalid", `${s.dir} holds no links.csv or links.txt; was it edited? Write that shard again`, { file: s.dir }, 2);
    }));
    const name = names[0];
    if (names.some((n) => n !== name))
        throw new SlyconvError("shards-of-different-runs", "some shards wrote links.csv and others links.txt: they were not written by one run", {}, 2);
    const csv = name === "links.csv";
    const rows = shards.map((s) => rowsOf(path.join(s.dir, name), csv)[Symbol.asyncIterator]());
    const positions = shards.map((s) => readSidecar(s.dir, "links.ndjson"));
    const out = await fs.open(path.join(outDir, name), "wx");
    let pending = [];
    let size = 0;
    const write = async (text) => {
        pending.push(text);
        size += text.length;
        if (size >= FLUSH_BYTES) {
            await out.write(pending.join(""));
            pending = [];
            size = 0;
        }
    };
    try {
        if (csv) {
            const headers = await Promise.all(rows.map((r) => r.next()));
            if (headers.some((h) => h.value !== headers[0].value))
                throw new SlyconvError("shards-of-different-runs", "the shards' links.csv headers differ: they were not written by one run", {}, 2);
            if (!headers[0].done)
                await write(headers[0].value);
        }
        for await (const { shard } of inRunOrder(positions, (p) => p)) {
            const row = await rows[shard].next();
            if (row.done)
                throw new SlyconvError("shard-invalid", `${name} of ${shards[shard].dir} has fewer rows than its sidecar lists; was it edited? Write that shard again`, { file: path.join(shards[shard].dir, name) }, 2);
            await write(row.value);
        }
        for (const [s, r] of rows.entries()) {
            if (!(await r.next()).done)
                throw new SlyconvError("shard-invalid", `${name} of ${shards[s].dir} has more rows than its sidecar lists; was it edited? Write that shard again`, { file: path.join(shards[s].dir, name) }, 2);
        }
        await out.write(pending.join(""));
    }
    finally {
        await out.close();
    }
    ctx.report.count("items", shards.reduce((n, s) => n + s.manifest.items, 0));
}
//# sourceMappingURL=merge.js.map