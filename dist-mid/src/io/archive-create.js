/**
 * Archive output: a folder streamed into one .zip or .tar.gz with archiver. Entries are relative to the folder, in a
 * fixed order (depth first, names sorted by code unit, each folder before its content), so the same folder gives the
 * same archive.
 */
import fs from "node:fs/promises";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { UsageError } from "../errors.js";
import { archiveKindOf } from "./archive-extract.js";
import { createScratchDirBeside } from "./archive-scratch.js";
import { ARCHIVE_FORMATS } from "./archive-formats.js";
export { ARCHIVE_FORMATS };
const EXTENSION = { zip: ".zip", "tar.gz": ".tar.gz" };
export function isArchiveFormat(value) {
    return ARCHIVE_FORMATS.includes(value);
}
/**
 * The file an archive export writes: `out` itself when it already ends in the format's extension (.zip; .tar.gz or
 * .tgz), otherwise `out` with the extension added. An `out` ending in a different archive extension is refused
 * rather than turned into "x.tar.gz.zip".
 */
export function archiveOutputPath(out, format) {
    if (!isArchiveFormat(format))
        throw new UsageError(`unknown archive type ${JSON.stringify(format)}; use one of: ${ARCHIVE_FORMATS.join(", ")}`);
    const trimmed = out.replace(/[\\/]+$/, "");
    const named = archiveKindOf(trimmed);
    if (named === format)
        return trimmed;
    if (named)
        throw new UsageError(`output ${out} names a ${named} archive but the archive type is ${format}; name it *${EXTENSION[format]} or leave the extension off`);
    return trimmed + EXTENSION[format];
}
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * Every folder and file under `root` in archive order. Symbolic links are followed (fs.stat): a writer that links
 * images into its output folder still gets the images, not links, into the archive. A linked folder seen twice
 * (a cycle) is an error.
 */
async function listTree(root) {
    const out = [];
    const visited = new Set();
    const walk = async (dir, prefix) => {
        const real = await fs.realpath(dir);
        if (visited.has(real))
            throw new Error(`folder ${dir} is linked into itself; cannot archive a cycle`);
        visited.add(real);
        for (const name of (await fs.readdir(dir)).sort(byCodeUnit)) {
            const abs = path.join(dir, name);
            const entryName = prefix + name;
            const stats = await fs.stat(abs);
            if (stats.isDirectory()) {
                out.push({ name: entryName + "/", abs, stats });
                await walk(abs, entryName + "/");
            }
            else if (stats.isFile()) {
                out.push({ name: entryName, abs, stats });
            }
            else {
                throw new Error(`${abs} is neither a file nor a folder; cannot archive it`);
            }
        }
    };
    await walk(root, "");
    return out;
}
/** SOURCE_DATE_EPOCH (reproducible-builds convention) pins every entry's date; otherwise file times are kept. */
function pinnedDate() {
    const raw = process.env.SOURCE_DATE_EPOCH;
    if (!raw || !/^\d+$/.test(raw))
        return null;
    return new Date(Number(raw) * 1000);
}
/**
 * Streams the content of `sourceDir` into a new archive file at `archivePath` (which must not exist: it is meant to
 * be writeAtomically's temporary path). Returns the number of entries and the archive size.
 */
export async function writeArchive(sourceDir, archivePath, format) {
    if (!isArchiveFormat(format))
        throw new UsageError(`unknown archive type ${JSON.stringify(format)}; use one of: ${ARCHIVE_FORMATS.join(", ")}`);
    const tree = await listTree(sourceDir);
    // Loaded here, not at startup: archiver takes a quarter of a second to load, and most runs write no archive.
    const { ZipArchive, TarArchive } = await import("archiver");
    const archive = format === "zip" ? new ZipArchive({ zlib: { level: 6 } }) : new TarArchive({ gzip: true, gzipOptions: { level: 6 } });
    // Warnings are stat failures and the like: a file that vanished mid-export is a broken archive, not a footnote.
    archive.on("warning", (e) => archive.emit("error", e));
    const written = pipeline(archive, createWriteStream(archivePath, { flags: "wx" }));
    const date = pinnedDate();
    for (const entry of tree) {
        const when = date ?? entry.stats.mtime;
        if (entry.stats.isDirectory())
            archive.append(Buffer.alloc(0), { name: entry.name, type: "directory", date: when, mode: 0o755 });
        // Passing stats (from fs.stat) stops archiver from lstat-ing the path and storing a symlink as a symlink.
        else
            archive.file(entry.abs, { name: entry.name, date: when, mode: entry.stats.mode & 0o777, stats: entry.stats });
    }
    await Promise.all([archive.finalize(), written]);
    return { entries: tree.length, bytes: archive.pointer() };
}
/**
 * Lets `fill` write into a scratch folder beside `output` (the same disk the output goes to, rather than a possibly
 * small /tmp), streams that folder into a new archive at `archivePath` (writeAtomically's temporary path for
 * `output`), and removes the scratch folder either way.
 */
export async function writeArchiveFrom(archivePath, format, fill, output = archivePath) {
    const stage = await createScratchDirBeside(output);
    try {
        await fill(stage.path);
        return await writeArchive(stage.path, archivePath, format);
    }
    finally {
        await stage.remove();
    }
}
//# sourceMappingURL=archive-create.js.map