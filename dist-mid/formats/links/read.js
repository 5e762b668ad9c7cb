/**
 * Link list → project of link items (spec §1.5): each row is an item whose image is `{kind: "link", url}`; the
 * Supervisely writer stores it as `img_info/<name>.json` with `link` and no file in img/. Sizes are null unless
 * --probe-sizes reads them from the images' headers.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { emptyProjectMeta, ensureTagMeta } from "../../src/model/index.js";
import { SlyconvError } from "../../src/errors.js";
import { IMAGE_HEADER_EXTENSION } from "../../src/io/image-header.js";
import { RESERVED_DIRS } from "../../src/supervisely/layout.js";
import { LIST_EXTENSIONS, findLinkList } from "./detect.js";
import { parseLinkList, urlProblem } from "./parse.js";
import { NameAllocator, hasExtension, nameFromUrl, sanitizeName } from "./names.js";
import { probeImages } from "./probe.js";
import { parseLinksImportOptions } from "./options.js";
import { kindOfFile, readRegularFile } from "../../src/io/regular-file.js";
import { listDir, reportSpecialFiles } from "../../src/io/list-dir.js";
/** The list file of an input; other list-like files of the folder that are FIFOs, sockets or devices go to `skipped`. */
async function listFileOf(input, skipped) {
    const st = await fs.stat(input).catch(() => null);
    if (st?.isFile())
        return input;
    // A FIFO, socket or device given as the list, or the one list-like file of a folder: said, never opened.
    if (st && !st.isDirectory())
        throw new SlyconvError("file-unreadable", `cannot read the link list (it is ${kindOfFile(st)}, not a regular file)`, { file: input });
    const special = [];
    if (st?.isDirectory())
        await listDir(input, special);
    const specialLists = special.filter((f) => LIST_EXTENSIONS.includes(path.extname(f.path).toLowerCase()));
    const found = await findLinkList(input);
    if (found) {
        skipped.push(...specialLists);
        return found;
    }
    if (specialLists.length) {
        throw new SlyconvError("file-unreadable", `cannot read the link list (it is ${specialLists[0].kind}, not a regular file)`, { file: path.join(input, path.basename(specialLists[0].path)) });
    }
    const lists = st?.isDirectory()
        ? (await fs.readdir(input)).filter((n) => LIST_EXTENSIONS.includes(path.extname(n).toLowerCase()))
        : [];
    throw new SlyconvError("links-no-list", lists.length > 1
        ? `${input} holds ${lists.length} list files (${lists.slice(0, 5).join(", ")}); pass the one to import`
        : `no link list in ${input}: expected one .txt, .csv or .tsv file with URLs`, { file: input, inMessage: true });
}
function datasetPath(value, fallback, onChanged) {
    const parts = (value ?? "").split("/").map((p) => p.trim()).filter(Boolean).map(sanitizeName);
    // Folder names a Supervisely project keeps for itself (img, ann, …, and meta.json at the root) get `_ds`.
    const names = (parts.length ? parts : [fallback]).map((n) => (RESERVED_DIRS.has(n) || /^(meta|key_id_map)\.json$/i.test(n) ? `${n}_ds` : n));
    // `a/b` nests; anything else that is not a plain folder name (`..`, `\`, `:`, NUL, reserved names) was changed.
    if (value !== undefined && parts.length && names.join("/") !== value.split("/").map((p) => p.trim()).filter(Boolean).join("/"))
        onChanged?.(names.join("/"));
    return names;
}
async function probeRows(rows, opts, file, ctx) {
    const out = rows.map((row) => ({ row }));
    if (!opts.probe)
        return out;
    const http = out.filter((p) => /^https?:/i.test(p.row.url));
    for (const p of out) {
        if (!/^https?:/i.test(p.row.url))
            ctx.report.info("probe-skipped", `not probed: ${new URL(p.row.url).protocol.slice(0, -1)} URLs cannot be read here; the size stays unknown`, { file, line: p.row.line });
    }
    ctx.progress.start("probing image headers", http.length, "images");
    const started = performance.now();
    const outcomes = await probeImages(http.map((p) => p.row.url), opts.probeSettings, { signal: ctx.signal, onDone: () => ctx.progress.increment() });
    const seconds = (performance.now() - started) / 1000;
    ctx.progress.stop();
    let failed = 0;
    http.forEach((p, i) => {
        const o = outcomes[i];
        p.outcome = o;
        if (!o.ok) {
            failed++;
            ctx.report.warn("probe-failed", `cannot read the image size of ${p.row.url}: ${o.reason} (${o.attempts} attempt${o.attempts === 1 ? "" : "s"})`, { file, line: p.row.line });
        }
    });
    ctx.report.count("linksProbed", http.length - failed);
    ctx.report.count("linksNotProbed", failed);
    if (http.length) {
        const rate = http.length / Math.max(seconds, 1e-3);
        ctx.report.info("probe-summary", `probed ${http.length} links in ${seconds.toFixed(2)} s (${rate.toFixed(0)}/s): ${http.length - failed} sizes read, ${failed} failed`, { file });
    }
    return out;
}
export async function readLinksProject(input, options, ctx) {
    const opts = parseLinksImportOptions(options);
    const skipped = [];
    const listFile = await listFileOf(input, skipped);
    reportSpecialFiles(ctx.report, skipped, input);
    const display = path.basename(listFile);
    let text;
    try {
        text = await readRegularFile(listFile, "utf8");
    }
    catch (e) {
        if (e instanceof SlyconvError)
            throw new SlyconvError(e.code, e.message, { file: display }); // over the file-size limit
        throw new SlyconvError("file-unreadable", `cannot read the link list (${e.code ?? e.message})`, { file: display });
    }
    const ext = path.extname(listFile).toLowerCase();
    const problems = [];
    const list = parseLinkList(text, ext === ".txt" ? ".txt" : ext === ".tsv" ? ".tsv" : ".csv", problems);
    for (const p of problems) {
        if (p.code === "links-no-url-column")
            throw new SlyconvError(p.code, p.message, { file: display, line: p.line });
        ctx.report.warn(p.code, p.message, { file: display, line: p.line });
    }
    const valid = [];
    for (const row of list.rows) {
        const why = urlProblem(row.url);
        if (why)
            ctx.report.error("malformed-url", `malformed URL ${JSON.stringify(row.url)}: ${why}; the row is skipped`, { file: display, line: row.line });
        else
            valid.push(row);
    }
    if (!list.rows.length)
        ctx.report.warn("links-empty", "the list holds no links", { file: display });
    const probed = await probeRows(valid, opts, display, ctx);
    const meta = emptyProjectMeta();
    for (const row of valid)
        for (const t of row.tags)
            ensureTagMeta(meta, t, "none");
    // Datasets (from a `dataset` column, `a/b` nests) in order of first appearance; the default is the file's stem.
    const fallback = sanitizeName(path.basename(listFile, path.extname(listFile)));
    const roots = [];
    const groups = new Map();
    const datasetFor = (segments) => {
        const key = segments.join("/");
        let g = groups.get(key);
        if (g)
            return g;
        const dataset = { name: segments[segments.length - 1], items: [], datasets: [] };
        if (segments.length === 1)
            roots.push(dataset);
        else
            datasetFor(segments.slice(0, -1)).dataset.datasets.push(dataset);
        groups.set(key, (g = { dataset, rows: [] }));
        return g;
    };
    for (const p of probed) {
        const segments = datasetPath(p.row.dataset, fallback, (used) => ctx.report.warn("unsafe-name", `dataset ${JSON.stringify(p.row.dataset)} is not a plain folder path; ${JSON.stringify(used)} is used`, { file: display, line: p.row.line }));
        datasetFor(segments).rows.push(p);
    }
    for (const { dataset, rows } of groups.values())
        dataset.items = buildItems(rows, display, ctx);
    return { meta, datasets: roots };
}
/** Names first (explicit ones reserved before URL-derived ones), then items. */
function buildItems(rows, file, ctx) {
    const names = new NameAllocator();
    const firstLine = new Map();
    const explicit = rows.map(({ row }) => {
        if (row.name === undefined)
            return undefined;
        const safe = sanitizeName(row.name);
        if (safe !== row.name)
            ctx.report.warn("unsafe-name", `name ${JSON.stringify(row.name)} is not a plain file name; ${JSON.stringify(safe)} is used`, { file, line: row.line });
        return safe;
    });
    const reservedBy = new Map();
    explicit.forEach((n, i) => {
        if (n !== undefined && names.reserve(n))
            reservedBy.set(n.toLowerCase(), i);
    });
    const usedAt = (n) => {
        const key = n.toLowerCase();
        const r = reservedBy.get(key);
        return firstLine.get(key) ?? (r !== undefined ? rows[r].row.line : undefined);
    };
    return rows.map(({ row, outcome }, i) => {
        let name;
        const own = explicit[i];
        if (own !== undefined && reservedBy.get(own.toLowerCase()) === i) {
            name = own;
        }
        else if (own !== undefined) {
            name = names.allocate(own);
            ctx.report.warn("duplicate-name", `name ${JSON.stringify(own)} is already used by line ${usedAt(own)}; this row is named ${JSON.stringify(name)}`, { file, line: row.line });
        }
        else {
            let base = nameFromUrl(row.url);
            if (!hasExtension(base) && outcome?.ok)
                base = `${base}.${IMAGE_HEADER_EXTENSION[outcome.header.format]}`;
            name = names.allocate(base);
            if (name !== base)
                ctx.report.info("name-deduplicated", `the name ${JSON.stringify(base)} from the URL is taken (line ${usedAt(base)}); this row is named ${JSON.stringify(name)}`, { file, line: row.line });
        }
        if (!firstLine.has(name.toLowerCase()))
            firstLine.set(name.toLowerCase(), row.line);
        if (own !== undefined && !firstLine.has(own.toLowerCase()))
            firstLine.set(own.toLowerCase(), row.line);
        const tags = row.tags.map((t) => ({ name: t }));
        const imageInfo = { link: row.url };
        let size = { width: null, height: null };
        if (outcome?.ok) {
            size = { width: outcome.header.width, height: outcome.header.height };
            Object.assign(imageInfo, { mime: outcome.header.mime, width: outcome.header.width, height: outcome.header.height });
            if (outcome.fileBytes !== undefined)
                imageInfo.size = outcome.fileBytes;
        }
        const item = { name, image: { kind: "link", url: row.url }, annotation: { size, tags, labels: [] }, imageInfo };
        if (row.extra)
            item.imageMeta = { ...row.extra };
        return item;
    });
}
//# sourceMappingURL=read.js.map