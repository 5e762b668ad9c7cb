/**
 * YOLO label files read in bounded memory. A label file is one image's labels, usually a few hundred bytes, but
 * nothing stops one from being gigabytes: those are streamed line by line and refused as soon as they pass the
 * labels limit (src/limits.ts) or hold a line longer than any label can be, never held whole.
 */
import { SlyconvError } from "../../src/errors.js";
import { NotRegularFileError } from "../../src/io/regular-file.js";
import { closeFile, forEachLine, openTextFile, readSmallTextFileSync, readWholeText, WHOLE_FILE_BYTES } from "../../src/io/text-lines.js";
import { maxVertices } from "../../src/limits.js";
import { LabelLineParser, labelsLimitError, parseLabelText } from "./lines.js";
/**
 * Longest label line read, and what to say of a longer one: a polygon of the per-item vertex limit written with six
 * decimals ("0.123456 0.654321 ", 18 characters a vertex) fits; a longer line cannot become an item, and is refused
 * before it fills the memory.
 */
function longLineRule() {
    const vertices = maxVertices();
    return {
        maxLineChars: vertices * 18 + 64,
        longLineAdvice: `no YOLO label is that long (a polygon of the limit of ${vertices.toLocaleString("en-US")} vertices per image fits); is this a label file?`,
    };
}
function unreadable(e, display) {
    const why = e instanceof NotRegularFileError ? `it is ${e.kind}, not a regular file` : (e.code ?? e.message);
    return new SlyconvError("file-unreadable", `cannot read file (${why})`, { file: display });
}
async function withTextFile(file, display, use) {
    let opened;
    try {
        opened = await openTextFile(file);
    }
    catch (e) {
        throw unreadable(e, display);
    }
    try {
        return await use(opened.fd, opened.size);
    }
    catch (e) {
        if (e instanceof SlyconvError)
            throw e;
        throw new SlyconvError("file-unreadable", `cannot read file (${e.code ?? e.message})`, { file: display });
    }
    finally {
        await closeFile(opened.fd);
    }
}
/**
 * The records of one label file: read whole when small (with synchronous calls: a dataset is thousands of files of a
 * few hundred bytes), else line by line, stopping past the labels limit.
 */
export async function readLabelFile(file, display, opts) {
    let text;
    try {
        text = readSmallTextFileSync(file, display);
    }
    catch (e) {
        if (e instanceof SlyconvError)
            throw e;
        throw unreadable(e, display);
    }
    if (text !== null)
        return parseLabelText(text, display, opts);
    return withTextFile(file, display, async (fd, size) => {
        if (size <= WHOLE_FILE_BYTES)
            return parseLabelText(await readWholeText(fd, size, display), display, opts);
        const parser = new LabelLineParser(display, opts);
        let consumed = 0;
        await forEachLine(fd, (text, line) => {
            consumed += text.length + 1;
            if (parser.add(text, line))
                return;
            const megabytes = Math.max(1, Math.round(size / 2 ** 20));
            const total = Math.max(parser.limit + 1, Math.round((parser.labels * size) / consumed));
            throw labelsLimitError(display, parser.labels, parser.limit, { total, megabytes, line });
        }, { ...longLineRule(), display });
        return parser.records;
    });
}
/** The largest class id the lines of a label file start with (-1 when none), in bounded memory. */
export function maxClassIdOf(file, display) {
    return withTextFile(file, display, async (fd) => {
        let max = -1;
        await forEachLine(fd, (line) => {
            const m = /^\s*(\d+)/.exec(line);
            if (m)
                max = Math.max(max, Number(m[1]));
        }, { ...longLineRule(), display });
        return max;
    });
}
//# sourceMappingURL=label-file.js.map