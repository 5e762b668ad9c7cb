/**
 * The files of a YOLO dataset folder. The folder is listed once up front, so that pairing 100k images with their
 * label files costs set lookups rather than 100k stat calls. Paths are absolute POSIX strings. Archives are not read
 * here: the pipeline extracts .zip/.tar inputs into a scratch folder before any adapter sees them (src/api.ts).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { readImageHeaderSize } from "../../src/io/image-header.js";
import { SlyconvError } from "../../src/errors.js";
import { checkFileSize, kindOfFile, NotRegularFileError } from "../../src/io/regular-file.js";
import { closeFile, openTextFile, readWholeText } from "../../src/io/text-lines.js";
const posix = path.posix;
const toPosix = (p) => p.split(path.sep).join("/");
/**
 * Every file below `dir` (absolute POSIX paths), names starting with "." left out. Symlinks are followed, to files
 * and to folders inside `inside` (the input's real path), but each real folder is listed once: a link back up the
 * tree (`a/loop -> ..`, which a cloned repository may hold) would otherwise be walked again and again, exponentially
 * so with two of them. A link to a folder outside the input (`images/train -> /`) is not followed: it goes into
 * `outside`.
 */
async function listTree(dir, inside, outside, notRegular) {
    const out = [];
    const listed = new Set();
    const insidePrefix = inside.endsWith(path.sep) ? inside : inside + path.sep;
    const visit = async (d) => {
        const real = await fs.realpath(d).catch(() => null);
        if (real === null || listed.has(real))
            return;
        if (real !== inside && !real.startsWith(insidePrefix)) {
            outside.push(d);
            return;
        }
        listed.add(real);
        let entries;
        try {
            entries = await fs.readdir(d, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const e of entries) {
            if (e.name.startsWith("."))
                continue;
            const p = posix.join(d, e.name);
            let isDir = e.isDirectory(), isFile = e.isFile();
            let special = e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice();
            let target = null;
            if (e.isSymbolicLink()) {
                target = await fs.stat(p).catch(() => null);
                isDir = target?.isDirectory() ?? false;
                isFile = target?.isFile() ?? false;
                special = target !== null && !isDir && !isFile;
            }
            if (isDir)
                await visit(p);
            else if (isFile)
                out.push(p);
            else if (special)
                notRegular.push({ path: p, kind: kindOfFile(target ?? (await fs.lstat(p))) });
        }
    };
    await visit(dir);
    return out;
}
/** A dataset folder on disk. The folder is listed once; membership tests are then set lookups. */
class DirTree {
    root;
    displayRoot;
    realRoot;
    notRegular = [];
    files = new Set();
    dirs = new Set();
    listedRoots = [];
    linksOutside = [];
    /** `realRoot`: the input folder with symlinks resolved, the bound of every listing. */
    constructor(root, displayRoot, realRoot) {
        this.root = root;
        this.displayRoot = displayRoot;
        this.realRoot = realRoot;
    }
    covered(p) {
        return this.listedRoots.some((r) => p === r || p.startsWith(r.endsWith("/") ? r : r + "/"));
    }
    async ensureListed(dir) {
        if (this.covered(dir))
            return;
        let st;
        try {
            st = await fs.stat(dir);
        }
        catch {
            return;
        }
        if (!st.isDirectory())
            return;
        const found = await listTree(dir, this.realRoot, this.linksOutside, this.notRegular);
        this.listedRoots.push(dir);
        this.dirs.add(dir);
        for (const full of found) {
            this.files.add(full);
            for (let d = posix.dirname(full); d.length > dir.length && !this.dirs.has(d); d = posix.dirname(d))
                this.dirs.add(d);
        }
    }
    async listFiles(dir) {
        await this.ensureListed(dir);
        if (!this.dirs.has(dir))
            return [];
        const prefix = dir.endsWith("/") ? dir : dir + "/";
        return [...this.files].filter((f) => f.startsWith(prefix)).sort();
    }
    async isFile(p) {
        if (this.covered(p))
            return this.files.has(p);
        return fs.stat(p).then((s) => s.isFile(), () => false);
    }
    async isDir(p) {
        if (this.covered(p))
            return this.dirs.has(p);
        return fs.stat(p).then((s) => s.isDirectory(), () => false);
    }
    async readDir(dir) {
        try {
            const entries = await fs.readdir(dir, { withFileTypes: true });
            const out = [];
            for (const e of entries) {
                let isDir = e.isDirectory();
                if (e.isSymbolicLink())
                    isDir = await fs.stat(posix.join(dir, e.name)).then((s) => s.isDirectory(), () => false);
                out.push({ name: e.name, isDir });
            }
            return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        }
        catch {
            return [];
        }
    }
    async readText(p) {
        // Opened as a regular file only (a symlink to a device or FIFO, /dev/zero, would be read forever), and refused
        // from its size when over the limit of files read whole (src/limits.ts).
        let opened;
        try {
            opened = await openTextFile(p);
        }
        catch (e) {
            const why = e instanceof NotRegularFileError ? "it is not a regular file" : (e.code ?? e.message);
            throw new SlyconvError("file-unreadable", `cannot read file (${why})`, { file: this.display(p) });
        }
        try {
            checkFileSize(this.display(p), opened.size);
            return await readWholeText(opened.fd, opened.size, this.display(p));
        }
        catch (e) {
            if (e instanceof SlyconvError)
                throw new SlyconvError(e.code, e.message, { file: this.display(p) });
            throw new SlyconvError("file-unreadable", `cannot read file (${e.code ?? e.message})`, { file: this.display(p) });
        }
        finally {
            await closeFile(opened.fd);
        }
    }
    async loadImage(p) {
        return { source: { kind: "file", path: p }, size: await readImageHeaderSize(p) };
    }
    display(p) {
        const rel = posix.relative(this.root, p);
        if (!rel)
            return this.displayRoot;
        return rel.startsWith("..") ? p : rel;
    }
}
export async function openDirTree(dir) {
    const root = toPosix(path.resolve(dir));
    const tree = new DirTree(root, path.basename(root), await fs.realpath(root));
    // One listing of the whole dataset up front: pairing images with labels then never touches the disk.
    await tree.listFiles(root);
    return tree;
}
//# sourceMappingURL=source-tree.js.map