import fs from "node:fs/promises";
import path from "node:path";
import { constants as fsConstants } from "node:fs";
/**
 * The file a source path really is: symlinks in the input are resolved, so that the output links or copies the real
 * file and never holds a symlink copied from the input; anything but a regular file (a dangling or looping link, a
 * folder, a device or FIFO) is refused, with the reason.
 */
export async function realRegularFile(src) {
    try {
        const real = await fs.realpath(src);
        const st = await fs.stat(real);
        if (!st.isFile())
            return { why: st.isDirectory() ? "it is a folder" : "it is not a regular file (a device, FIFO or socket)" };
        return { real };
    }
    catch (e) {
        const code = e.code;
        return { why: code === "ENOENT" ? "it does not exist (or is a symlink to nothing)" : code === "ELOOP" ? "it is a symlink loop" : `it cannot be read (${code ?? e.message})` };
    }
}
/** The first bytes of the image formats a dataset holds (JPEG, PNG, GIF, BMP, WebP, TIFF, JPEG 2000, AVIF/HEIF). */
function looksLikeImage(head) {
    const at = (offset, text) => head.subarray(offset, offset + text.length).equals(Buffer.from(text, "latin1"));
    return at(0, "\xff\xd8\xff") || at(0, "\x89PNG\r\n\x1a\n") || at(0, "GIF87a") || at(0, "GIF89a") || at(0, "BM")
        || (at(0, "RIFF") && at(8, "WEBP")) || at(0, "II*\0") || at(0, "MM\0*") || at(0, "\0\0\0\x0cjP  \r\n\x87\n")
        || at(0, "\xff\x4f\xff\x51") || at(4, "ftyp");
}
async function fileHead(file, bytes) {
    const fh = await fs.open(file, "r");
    try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await fh.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
/**
 * Puts the file `src` at `dest` (whose folder exists): a copy (copy-on-write where the file system can: btrfs, XFS,
 * APFS), a hard link (a copy when linking fails: another device, no permission) or a symlink to the real file.
 * A file reached through a symlink (the link itself or a folder on the way) is read only if it starts like an image,
 * and is always copied: its real place may be outside the input, and the output never links there. Never
 * overwrites: an existing `dest` throws EEXIST, which writers report as a name clash. Gives the reason instead when
 * `src` is no readable regular file.
 */
export async function placeFile(src, dest, mode) {
    const found = await realRegularFile(src);
    if ("why" in found)
        return found;
    const throughLink = found.real !== path.resolve(src);
    if (throughLink) {
        const head = await fileHead(found.real, 16).catch(() => null);
        if (!head)
            return { why: `it is a symlink to ${found.real}, which cannot be read` };
        if (!looksLikeImage(head))
            return { why: `it is a symlink to ${found.real}, which is not an image` };
    }
    if (mode === "symlink" && !throughLink) {
        await fs.symlink(found.real, dest);
        return { placed: true };
    }
    if (mode === "hardlink" && !throughLink) {
        try {
            await fs.link(found.real, dest);
            return { placed: true };
        }
        catch (e) {
            if (e.code === "EEXIST")
                throw e;
            /* another device or no permission: fall back to a copy */
        }
    }
    await fs.copyFile(found.real, dest, fsConstants.COPYFILE_EXCL | fsConstants.COPYFILE_FICLONE);
    return { placed: true };
}
/** The warning a writer gives for an image it leaves out (see placeFile). */
export function imageLeftOutMessage(itemName, why) {
    return `the image of item ${JSON.stringify(itemName)} is left out: ${why}; its annotation is written`;
}
//# sourceMappingURL=place-file.js.map