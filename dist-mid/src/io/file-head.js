import { openRegularFile } from "./regular-file.js";
/** The first bytes of a file as UTF-8 text, for cheap format checks (detect reads a few KB, never whole files). */
export async function readFileHead(file, bytes = 4096) {
    const fh = await openRegularFile(file);
    try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await fh.read(buf, 0, bytes, 0);
        return buf.toString("utf8", 0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
//# sourceMappingURL=file-head.js.map