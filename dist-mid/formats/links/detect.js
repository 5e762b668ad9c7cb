import fs from "node:fs/promises";
import path from "node:path";
import { NOT_DETECTED } from "../../src/format.js";
import { looksLikeLinkList } from "./parse.js";
import { openRegularFile } from "../../src/io/regular-file.js";
export const LIST_EXTENSIONS = [".csv", ".tsv", ".txt"];
const HEAD_BYTES = 65_536;
async function head(file) {
    const fh = await openRegularFile(file);
    try {
        const buf = Buffer.alloc(HEAD_BYTES);
        const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
        return buf.subarray(0, bytesRead).toString("utf8");
    }
    finally {
        await fh.close();
    }
}
/** Is this file a link list (by extension and by its first line)? */
export async function isLinkListFile(file) {
    const ext = path.extname(file).toLowerCase();
    if (!LIST_EXTENSIONS.includes(ext))
        return false;
    try {
        return looksLikeLinkList(await head(file), ext);
    }
    catch {
        return false;
    }
}
/**
 * The list file of an input: the input itself, or the only .csv/.tsv/.txt file of a folder when that one is a
 * link list (as Supervisely's CSV importer wants exactly one).
 */
export async function findLinkList(input) {
    const st = await fs.stat(input).catch(() => null);
    if (!st)
        return null;
    if (st.isFile())
        return (await isLinkListFile(input)) ? input : null;
    if (!st.isDirectory())
        return null;
    const lists = (await fs.readdir(input, { withFileTypes: true }))
        .filter((d) => d.isFile() && LIST_EXTENSIONS.includes(path.extname(d.name).toLowerCase()))
        .map((d) => path.join(input, d.name));
    if (lists.length !== 1)
        return null;
    return (await isLinkListFile(lists[0])) ? lists[0] : null;
}
export async function detectLinks(input) {
    const file = await findLinkList(input);
    if (!file)
        return NOT_DETECTED;
    return { confidence: file === input ? 0.9 : 0.75, evidence: [path.relative(input, file) || path.basename(file)] };
}
//# sourceMappingURL=detect.js.map