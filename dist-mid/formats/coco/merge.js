/**
 * `slyconv merge` of COCO shard outputs: one instances (and person_keypoints, captions) file per dataset, with every
 * image and annotation in the single run's order and with the single run's ids.
 *
 * Each shard wrote its own images with ids of its own, and recorded per image (sidecar `coco/<name>.ndjson`, see
 * CocoShardLine) its position in the run and the ids it asked for. The merge walks the images of all shards in
 * position order and gives the ids again with the writer's IdAllocator, so each id is what the single run gave.
 * The shards' files are read a line at a time (the writer puts one array element a line, json-out.ts): an element is
 * copied with its leading `"id"` (and `"image_id"`) replaced, never parsed whole, except an image whose file name
 * changes (two images of the run asked for one name).
 */
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { SlyconvError } from "../../src/errors.js";
import { BufferedTextFile, inRunOrder, readSidecar, sidecarPath } from "../../src/shard.js";
import { copyUnion } from "../../src/io/merge-tree.js";
import { IdAllocator } from "./write.js";
import { appendFileTo } from "./json-out.js";
const FLUSH_BYTES = 1 << 20;
/** A shard output that is not what its manifest says (edited or cut short): exit 2, like a foreign shard. */
function badShard(file, what) {
    return new SlyconvError("shard-invalid", `${what}; was the shard output edited or cut short? Write that shard again`, { file }, 2);
}
/** The lines of a file, with one line of look-ahead. */
class Lines {
    file;
    it;
    head;
    done = false;
    stream;
    constructor(file) {
        this.file = file;
        this.stream = createReadStream(file, { highWaterMark: 1 << 20 });
        const rl = readline.createInterface({ input: this.stream, crlfDelay: Infinity });
        this.it = rl[Symbol.asyncIterator]();
    }
    static open(file) {
        return new Lines(file);
    }
    async peek() {
        if (this.head === undefined && !this.done) {
            const r = await this.it.next();
            if (r.done)
                this.done = true;
            else
                this.head = r.value;
        }
        return this.head;
    }
    async next() {
        const v = await this.peek();
        this.head = undefined;
        return v;
    }
    async close() {
        await this.it.return?.();
        this.stream.destroy();
    }
}
/**
 * The elements of one top-level array (`"images"` or `"annotations"`) of a COCO file written by slyconv, one a line.
 * `prefix` is the text before the first element (set once the array is found).
 */
class ArraySection {
    file;
    key;
    prefix = "";
    started = false;
    ended = false;
    lines;
    constructor(file, key) {
        this.file = file;
        this.key = key;
        this.lines = Lines.open(file);
    }
    async start() {
        if (this.started)
            return;
        this.started = true;
        const open = `"${this.key}": [`;
        const before = [];
        for (;;) {
            const line = await this.lines.next();
            if (line === undefined)
                throw badShard(this.file, `no "${this.key}" array`);
            before.push(line);
            if (line === open || line === `{${open}`)
                break;
        }
        this.prefix = before.join("\n") + "\n";
    }
    /** The next element's line (without its comma), or undefined after the last. */
    async peek() {
        await this.start();
        if (this.ended)
            return undefined;
        for (;;) {
            const line = await this.lines.peek();
            if (line === undefined)
                throw badShard(this.file, `the "${this.key}" array is not closed`);
            if (line === "") {
                await this.lines.next();
                continue;
            }
            if (line.startsWith("]")) {
                this.ended = true;
                return undefined;
            }
            return line.endsWith(",") ? line.slice(0, -1) : line;
        }
    }
    async next(what) {
        const line = await this.peek();
        if (line === undefined)
            throw badShard(this.file, `fewer ${this.key} than its sidecar lists (${what})`);
        await this.lines.next();
        return line;
    }
    async close() {
        await this.lines.close();
    }
}
/** The end of the last JSON value in `line` starting at `i` (a number or a string: what an id is). */
function tokenEnd(line, i) {
    if (line[i] === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== '"')
            j += line[j] === "\\" ? 2 : 1;
        return j + 1;
    }
    let j = i;
    while (j < line.length && "-+.0123456789eE".includes(line[j]))
        j++;
    return j;
}
/** The raw `"id"` (and `"image_id"`) tokens at the start of an element, and where the rest begins. */
function leadingIds(line, file, withImageId) {
    const idKey = '{"id":', imageKey = ',"image_id":';
    if (!line.startsWith(idKey))
        throw badShard(file, `an element does not start with {"id": (${line.slice(0, 40)}…)`);
    const idEnd = tokenEnd(line, idKey.length);
    const id = line.slice(idKey.length, idEnd);
    if (!withImageId)
        return { id, imageId: "", rest: idEnd };
    if (!line.startsWith(imageKey, idEnd))
        throw badShard(file, `an annotation has no "image_id" after its "id" (${line.slice(0, 60)}…)`);
    const imageEnd = tokenEnd(line, idEnd + imageKey.length);
    return { id, imageId: line.slice(idEnd + imageKey.length, imageEnd), rest: imageEnd };
}
/** Element lines joined by ",\n" into a part file, as JsonArrayPart writes them. */
class LinePart {
    path;
    file;
    count = 0;
    constructor(path, file) {
        this.path = path;
        this.file = file;
    }
    static async create(file) {
        return new LinePart(file, await BufferedTextFile.create(file));
    }
    add(line) {
        return this.file.write(this.count++ ? ",\n" + line : line);
    }
    close() {
        return this.file.close();
    }
}
/** What follows the annotations array: the closing bracket, the categories line (when the file has one) and `}`. */
async function suffixOf(file) {
    const fh = await fs.open(file, "r");
    try {
        const { size } = await fh.stat();
        let tail = "";
        const newlines = (t) => t.split("\n").length - 1;
        for (let end = size, chunk = 64 * 1024; end > 0 && newlines(tail) < 3; chunk *= 2) {
            const start = Math.max(0, end - chunk);
            const buf = Buffer.alloc(end - start);
            await fh.read(buf, 0, buf.length, start);
            tail = buf.toString("utf8") + tail;
            end = start;
        }
        // The file ends "\n]}\n" (no categories) or "\n],\n<categories line>\n".
        const lines = tail.slice(0, -1).split("\n");
        const last = lines[lines.length - 1];
        if (last === "]}")
            return "\n]}\n";
        if (lines[lines.length - 2] === "]," && last.startsWith('"categories": '))
            return `\n],\n${last}\n`;
        throw badShard(file, "it does not end with the annotations array and the categories");
    }
    finally {
        await fh.close();
    }
}
/** A sidecar line checked to be a CocoShardLine. */
function checkedLine(line, file) {
    const l = line;
    if (!Array.isArray(l) || l.length !== 7 || typeof l[0] !== "number" || typeof l[2] !== "string" || !Array.isArray(l[5]) || !Array.isArray(l[6])) {
        throw badShard(file, "a sidecar line is not [position, image id, file name, item name, written name, annotation ids, caption ids]");
    }
    return l;
}
const exists = (f) => fs.stat(f).then(() => true, () => false);
async function mergeDataset(ds, dirs, outDir, renames, ctx) {
    const annDir = path.join(outDir, "annotations");
    const files = (kind) => dirs.map((d) => path.join(d, "annotations", `${kind}_${ds.name}.json`));
    const instanceFiles = files("instances");
    for (const f of instanceFiles)
        if (!(await exists(f)))
            throw badShard(f, "the instances file its manifest lists is missing");
    const images = instanceFiles.map((f) => new ArraySection(f, "images"));
    const imagesPart = await LinePart.create(path.join(annDir, `.${ds.name}.images.part`));
    const kinds = [];
    for (const kind of ["instances", "person_keypoints", "captions"]) {
        const paths = files(kind);
        const sections = await Promise.all(paths.map(async (f) => ((await exists(f)) ? new ArraySection(f, "annotations") : null)));
        const first = sections.findIndex((s) => s !== null);
        kinds.push({ file: `${kind}_${ds.name}.json`, sections, frame: null, part: await LinePart.create(path.join(annDir, `.${ds.name}.${kind}.part`)) });
        if (first >= 0) {
            const head = new ArraySection(paths[first], "images");
            await head.peek();
            await head.close();
            kinds[kinds.length - 1].frame = { prefix: head.prefix, suffix: await suffixOf(paths[first]) };
        }
    }
    const [instances, keypoints, captions] = kinds;
    // The shards of one run share the file's top (info, licenses, …) and its categories.
    for (let s = 0; s < dirs.length; s++) {
        await images[s].peek();
        if (images[s].prefix !== instances.frame.prefix) {
            throw new SlyconvError("shards-of-different-runs", `${instanceFiles[s]} starts differently from ${instanceFiles[0]} (info, licenses or other top-level keys): the shards were not written by one run`, { file: instanceFiles[s] }, 2);
        }
    }
    const imageIds = new IdAllocator(ds.imageStart);
    const annIds = new IdAllocator(ds.annotationStart);
    const captionIds = new IdAllocator(ds.annotationStart);
    const writtenFiles = new Set();
    const sidecar = `coco/${ds.name}.ndjson`;
    const lines = dirs.map((d) => (async function* () {
        for await (const line of readSidecar(d, sidecar))
            yield checkedLine(line, sidecarPath(d, sidecar));
    })());
    let count = 0;
    try {
        for await (const { shard, value: [, wantedId, wantedName, itemNameOr0, writtenOr0, annWanted, capWanted] } of inRunOrder(lines, (l) => l[0])) {
            const itemName = itemNameOr0 === 0 ? wantedName : itemNameOr0;
            const shardName = writtenOr0 === 0 ? wantedName : writtenOr0;
            const where = { file: `${ds.name}/${itemName}` };
            const imageLine = await images[shard].next(itemName);
            const local = leadingIds(imageLine, instanceFiles[shard], false);
            const { id: imageId, reassigned } = imageIds.take(wantedId);
            if (reassigned)
                ctx.report.warn("coco-id-reassigned", `image id ${JSON.stringify(wantedId)} is used by another image of this dataset; written as ${String(imageId)}`, where);
            // The file name the single run gives: the one asked for, unless an earlier image of the run has it.
            let fileName = wantedName;
            if (writtenFiles.has(fileName)) {
                const dot = itemName.lastIndexOf(".");
                const alt = dot > 0 ? `${itemName.slice(0, dot)}__${String(imageId)}${itemName.slice(dot)}` : `${itemName}__${String(imageId)}`;
                ctx.report.warn("coco-duplicate-file-name", `two images of dataset ${ds.name} would be written as ${JSON.stringify(fileName)}; this one is ${JSON.stringify(alt)}`, where);
                fileName = alt;
            }
            writtenFiles.add(fileName);
            const idText = JSON.stringify(imageId);
            if (fileName === shardName)
                await imagesPart.add(`{"id":${idText}${imageLine.slice(local.rest)}`);
            else {
                const entry = JSON.parse(imageLine);
                entry.id = imageId;
                entry.file_name = fileName;
                await imagesPart.add(JSON.stringify(entry));
                renames[shard].set(`images/${ds.name}/${shardName}`, `images/${ds.name}/${fileName}`);
            }
            const annIdOf = new Map();
            for (const wanted of annWanted) {
                const a = await instances.sections[shard].next(itemName);
                const ids = leadingIds(a, instances.sections[shard].file, true);
                if (ids.imageId !== local.id)
                    throw badShard(instances.sections[shard].file, `annotation ${ids.id} is not of image ${local.id}, which its sidecar says comes next`);
                const { id, reassigned: changed } = annIds.take(wanted);
                if (changed)
                    ctx.report.warn("coco-id-reassigned", `annotation id ${JSON.stringify(wanted)} is used twice in this dataset; written as ${String(id)}`, where);
                const text = JSON.stringify(id);
                annIdOf.set(ids.id, text);
                await instances.part.add(`{"id":${text},"image_id":${idText}${a.slice(ids.rest)}`);
            }
            const kp = keypoints.sections[shard];
            for (let k = await kp?.peek(); kp && k !== undefined; k = await kp.peek()) {
                const ids = leadingIds(k, kp.file, true);
                if (ids.imageId !== local.id)
                    break;
                await kp.next(itemName);
                const text = annIdOf.get(ids.id);
                if (text === undefined)
                    throw badShard(kp.file, `keypoints annotation ${ids.id} has no instances annotation`);
                await keypoints.part.add(`{"id":${text},"image_id":${idText}${k.slice(ids.rest)}`);
            }
            for (const wanted of capWanted) {
                const c = await captions.sections[shard]?.next(itemName);
                if (c === undefined)
                    throw badShard(instanceFiles[shard], `the captions file of dataset ${ds.name} is missing`);
                const ids = leadingIds(c, captions.sections[shard].file, true);
                await captions.part.add(`{"id":${JSON.stringify(captionIds.take(wanted).id)},"image_id":${idText}${c.slice(ids.rest)}`);
            }
            count++;
            ctx.progress.increment();
        }
        for (let s = 0; s < dirs.length; s++) {
            for (const section of [images[s], ...kinds.map((k) => k.sections[s])]) {
                if (section && (await section.peek()) !== undefined)
                    throw badShard(section.file, "it holds more entries than its sidecar lists");
            }
        }
    }
    finally {
        for (const s of [...images, ...kinds.flatMap((k) => k.sections)])
            await s?.close();
        for (const p of [imagesPart, ...kinds.map((k) => k.part)])
            await p.close();
    }
    // Written as the single run writes them: keypoints and captions files only when they have annotations.
    for (const k of kinds) {
        if (!k.frame || (k !== instances && !k.part.count))
            continue;
        const out = await fs.open(path.join(annDir, k.file), "wx");
        try {
            await out.write(k.frame.prefix);
            await appendFileTo(out, imagesPart.path);
            await out.write('\n],\n"annotations": [\n');
            await appendFileTo(out, k.part.path);
            await out.write(k.frame.suffix);
        }
        finally {
            await out.close();
        }
    }
    for (const p of [imagesPart, ...kinds.map((k) => k.part)])
        await fs.rm(p.path, { force: true });
    return count;
}
function datasetsOf(shard) {
    const coco = shard.manifest.state?.coco;
    const list = coco?.datasets;
    if (!Array.isArray(list) || !list.every((d) => d && typeof d.name === "string" && typeof d.imageStart === "number" && typeof d.annotationStart === "number")) {
        throw badShard(path.join(shard.dir, ".slyconv-shard.json"), "its manifest has no COCO datasets (state.coco.datasets)");
    }
    return list;
}
export async function mergeCocoShards(shards, outDir, ctx, options = {}) {
    const dirs = shards.map((s) => s.dir);
    const datasets = datasetsOf(shards[0]);
    for (const s of shards.slice(1)) {
        if (JSON.stringify(datasetsOf(s)) !== JSON.stringify(datasets)) {
            throw new SlyconvError("shards-of-different-runs", `${s.dir} has other COCO datasets than ${shards[0].dir}: the shards were not written by one run`, { file: s.dir }, 2);
        }
    }
    await fs.mkdir(path.join(outDir, "annotations"));
    const renames = dirs.map(() => new Map());
    ctx.progress.start("merging COCO", shards.reduce((n, s) => n + s.manifest.items, 0));
    let items = 0;
    for (const ds of datasets)
        items += await mergeDataset(ds, dirs, outDir, renames, ctx);
    ctx.progress.stop();
    await copyUnion(dirs, outDir, { link: options.link, skip: (rel) => rel.startsWith("annotations/"), renamed: (shard, rel) => renames[shard].get(rel) });
    ctx.report.count("items", items);
}
//# sourceMappingURL=merge.js.map