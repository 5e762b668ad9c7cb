/**
 * Image and mask files read whole (a mask to decode, an image to compare): refused by their size before they are
 * read, as the files read as text are (the file-size limit, src/limits.ts), and by the pixels their header declares
 * (the pixel limit) before the rest is read. Without this a mask import read a file of any size whole; what it decodes
 * to was bounded, the bytes were not.
 */
import fs from "node:fs";
import { checkPixels, maxFileBytes } from "../limits.js";
import { parseImageHeader } from "./image-header.js";
import { FileTooLargeError, openRegularFile, openRegularFileSync } from "./regular-file.js";
/** Bytes read for the header: enough for a PNG's (24) and for a JPEG's behind most EXIF blocks. */
const HEADER_BYTES = 64 * 1024;
/**
 * The bytes of an image or mask file: FileTooLargeError when it is over the file-size limit, PixelLimitError (naming
 * it `what`, "the mask") when its header declares more pixels than the pixel limit; NotRegularFileError for a FIFO,
 * device or folder. A header this reader does not know (or a broken one) is left to the decoder.
 */
export function readImageFileSync(file, what) {
    const fd = openRegularFileSync(file);
    try {
        const size = fs.fstatSync(fd).size;
        const limit = maxFileBytes();
        if (size > limit)
            throw new FileTooLargeError(file, size, limit);
        const head = Buffer.allocUnsafe(Math.min(size, HEADER_BYTES));
        const n = fs.readSync(fd, head, 0, head.length, 0);
        const header = parseImageHeader(head.subarray(0, n));
        if (header.status === "ok")
            checkPixels(header.header.width, header.header.height, what);
        return fs.readFileSync(fd);
    }
    finally {
        fs.closeSync(fd);
    }
}
/**
 * Whether two files hold the same bytes, read a block at a time (images may be large): different sizes answer
 * at once. False when either cannot be read.
 */
export async function sameFileBytes(a, b) {
    let fa, fb;
    try {
        fa = await openRegularFile(a);
        fb = await openRegularFile(b);
        const [sa, sb] = await Promise.all([fa.stat(), fb.stat()]);
        if (sa.size !== sb.size)
            return false;
        const block = Math.max(1, Math.min(sa.size, 1 << 20));
        const x = Buffer.allocUnsafe(block), y = Buffer.allocUnsafe(block);
        for (let at = 0; at < sa.size;) {
            const [ra, rb] = await Promise.all([fa.read(x, 0, block, at), fb.read(y, 0, block, at)]);
            // A file that shrank while being read is not the other.
            if (ra.bytesRead === 0 || ra.bytesRead !== rb.bytesRead)
                return false;
            if (!x.subarray(0, ra.bytesRead).equals(y.subarray(0, rb.bytesRead)))
                return false;
            at += ra.bytesRead;
        }
        return true;
    }
    catch {
        return false;
    }
    finally {
        await fa?.close();
        await fb?.close();
    }
}
//# sourceMappingURL=image-file.js.map