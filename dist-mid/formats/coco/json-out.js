/**
 * Writing big COCO files without holding them: the elements of each array are appended to a part file as they come
 * (one element a line), and the parts are joined into the final JSON once all items are seen.
 */
import fsp from "node:fs/promises";
import { JsonWriter } from "../../src/io/canonical-json.js";
const FLUSH_BYTES = 1 << 20;
/** The elements of one JSON array, one a line, separated by commas, in a part file. */
export class JsonArrayPart {
    path;
    fh;
    count = 0;
    /** Elements not yet written, as the bytes of JSON.stringify. */
    out = new JsonWriter(FLUSH_BYTES + 64 * 1024);
    constructor(path, fh) {
        this.path = path;
        this.fh = fh;
    }
    static async create(path) {
        return new JsonArrayPart(path, await fsp.open(path, "w"));
    }
    /** Adds an element; a promise (to await) only when the buffer is written out, so most adds cost no await. */
    add(value) {
        if (this.count++)
            this.out.ascii(",\n");
        this.out.compact(value);
        return this.out.length >= FLUSH_BYTES ? this.flush() : undefined;
    }
    async flush() {
        if (!this.out.length)
            return;
        await this.fh.write(this.out.view());
        this.out.reset();
    }
    async close() {
        await this.flush();
        await this.fh.close();
    }
}
/** Copies `file` to the end of `out` in chunks of `buf`'s size. */
export async function appendFileTo(out, file, buf = Buffer.allocUnsafe(FLUSH_BYTES)) {
    const src = await fsp.open(file, "r");
    try {
        for (;;) {
            const { bytesRead } = await src.read(buf, 0, buf.length, null);
            if (!bytesRead)
                break;
            await out.write(buf, 0, bytesRead);
        }
    }
    finally {
        await src.close();
    }
}
/** Writes `{"key": value, "images": [<part>], …}` to `file`, copying the parts in chunks. */
export async function assembleJson(file, entries) {
    const out = await fsp.open(file, "w");
    const buf = Buffer.allocUnsafe(FLUSH_BYTES);
    try {
        await out.write("{");
        for (let i = 0; i < entries.length; i++) {
            const [key, v] = entries[i];
            await out.write(`${i ? ",\n" : ""}${JSON.stringify(key)}: `);
            if (v instanceof JsonArrayPart) {
                await out.write("[\n");
                await appendFileTo(out, v.path, buf);
                await out.write("\n]");
            }
            else
                await out.write(JSON.stringify(v));
        }
        await out.write("}\n");
    }
    finally {
        await out.close();
    }
}
//# sourceMappingURL=json-out.js.map