/**
 * Project → link list. `links.csv` (default): header `url,name,tag`, plus `dataset` (slash-joined, nested) when the
 * project has more than one dataset; tags joined by `;`. `links.txt` (--list-format txt): one URL per line.
 * Items without a link (local images) and every label cannot be held and are counted.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { geometryTypeName, iterateItems, walkDatasets } from "../../src/model/index.js";
import { parseLinksExportOptions } from "./options.js";
const FLUSH_LINES = 1000;
/** RFC 4180 quoting when a field needs it. */
export function csvField(value) {
    return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
export function linkOf(item) {
    if (item.image?.kind === "link")
        return item.image.url;
    const link = item.imageInfo?.link;
    return typeof link === "string" && link ? link : undefined;
}
export async function writeLinksProject(project, outDir, options, ctx) {
    const { listFormat } = parseLinksExportOptions(options);
    const all = [...walkDatasets(project.datasets)];
    const withDataset = all.length > 1;
    const file = path.join(outDir, listFormat === "csv" ? "links.csv" : "links.txt");
    const fh = await fs.open(file, "w");
    let pending = [];
    const flush = async () => {
        if (pending.length)
            await fh.write(pending.join(""));
        pending = [];
    };
    let items = 0;
    // A shard records each row's position in the run, so that merge puts the rows in the single run's order.
    const positions = ctx.shard ? await ctx.shard.sidecar(outDir, "links.ndjson") : null;
    try {
        if (listFormat === "csv")
            pending.push(["url", "name", "tag", ...(withDataset ? ["dataset"] : [])].join(",") + "\n");
        ctx.progress.start("writing link list");
        for (const { dataset, path: dsPath } of all) {
            for await (const item of iterateItems(dataset.items)) {
                ctx.signal?.throwIfAborted();
                const url = linkOf(item);
                for (const l of item.annotation.labels)
                    ctx.report.lose(l.classTitle, geometryTypeName(l.geometry), "a link list holds no objects");
                if (!url) {
                    ctx.report.lose("(image)", "image without a link", "a link list holds remote images only");
                    continue;
                }
                const tags = item.annotation.tags;
                if (listFormat === "txt") {
                    pending.push(url + "\n");
                }
                else {
                    const names = [];
                    for (const t of tags) {
                        if (t.value !== undefined && t.value !== null)
                            ctx.report.lose("(image)", `value of tag ${t.name}`, "a link list holds tag names only");
                        if (t.name.includes(";"))
                            ctx.report.warn("tag-name-separator", `tag ${JSON.stringify(t.name)} contains ';', which separates tags: it will read back as several tags`, { file: `${dsPath.join("/")}/${item.name}` });
                        if (!names.includes(t.name))
                            names.push(t.name);
                    }
                    const row = [url, item.name, names.join(";"), ...(withDataset ? [dsPath.join("/")] : [])];
                    pending.push(row.map(csvField).join(",") + "\n");
                }
                if (item.imageMeta && Object.keys(item.imageMeta).length)
                    ctx.report.lose("(image)", "image meta", "a link list holds url, name and tags only");
                await positions?.add(ctx.shard.positionOf(item));
                items++;
                ctx.progress.increment();
                if (pending.length >= FLUSH_LINES)
                    await flush();
            }
        }
        await flush();
    }
    finally {
        await fh.close();
        await positions?.close();
        ctx.progress.stop();
    }
    ctx.report.count("items", items);
    return { items };
}
//# sourceMappingURL=write.js.map