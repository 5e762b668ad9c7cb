/**
 * An annotation file's labels and vertices, counted from its bytes before it is parsed. Parsing makes an object per
 * label and an array per vertex, several times the bytes they take in the file: a compact 133 MB annotation of 13.3
 * million vertices (`[123,456],` each) took 2 GB before the item could be refused, so the limits (src/limits.ts) are
 * checked here first. The Supervisely reader, its reading thread and `slyconv validate` do so.
 *
 * The counts are upper bounds that real annotations meet exactly: labels are the `"classTitle"` keys (a label has
 * one; the same key inside a string is escaped, `\"classTitle\"`, and does not count), vertices the lists that open
 * with a number (`[x, y]`; also a bitmap's origin and any list of numbers a label keeps, which real files have few of),
 * and lists and objects of any kind are bounded by what an item within both limits holds.
 */
import { SlyconvError } from "../errors.js";
import { maxLabels, MAX_LABELS_ENV, maxVertices, MAX_VERTICES_ENV, vertexLimitError } from "../limits.js";
/** Bytes of the smallest label (`{"classTitle":""}`) and the smallest vertex (`[0,0]`): a smaller file is not counted. */
const LABEL_BYTES = 17;
const VERTEX_BYTES = 5;
const CLASS_TITLE_KEY = Buffer.from('"classTitle"');
/** `"classTitle"` keys in the bytes. */
function classTitleKeys(b) {
    let n = 0;
    for (let i = b.indexOf(CLASS_TITLE_KEY); i >= 0; i = b.indexOf(CLASS_TITLE_KEY, i + CLASS_TITLE_KEY.length))
        n++;
    return n;
}
/** Commas in the bytes (strings not told apart): each value of a list or object but its first follows one. */
function commas(b) {
    let n = 0;
    for (let i = b.indexOf(0x2c); i >= 0; i = b.indexOf(0x2c, i + 1))
        n++;
    return n;
}
/** Lists and objects in the bytes (`[` and `{`, strings not told apart), and among them the lists that open with a number. */
function containers(b) {
    let all = 0, numberLists = 0;
    const end = b.length;
    for (let i = b.indexOf(0x5b); i >= 0; i = b.indexOf(0x5b, i + 1)) {
        all++;
        let j = i + 1;
        let c = b[j];
        while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)
            c = ++j < end ? b[j] : -1;
        if ((c >= 0x30 && c <= 0x39) || c === 0x2d)
            numberLists++;
    }
    for (let i = b.indexOf(0x7b); i >= 0; i = b.indexOf(0x7b, i + 1))
        all++;
    return { all, numberLists };
}
/**
 * Lists and objects an item within the limits holds at most: its vertices, and this many a label (the label, its
 * points, rings and tags). Each becomes an object of its own once parsed: a 126 MB annotation of nothing but empty
 * lists in `customBigData` took 5.9 GB before the process died.
 */
const VALUES_PER_LABEL = 20;
/**
 * Commas an item within the limits holds at most: two a vertex (`[x, y],`) and this many a label (its keys, tags and
 * extra fields). Values that are not lists or objects cost less, but not nothing: a 126 MB annotation of `0,` in
 * `customBigData` (63 million numbers) took 2.7 GB.
 */
const COMMAS_PER_VERTEX = 2;
const COMMAS_PER_LABEL = 50;
/** What the bytes of an annotation file hold past a limit, or null. The bytes of a small file are not scanned. */
export function annotationOverLimits(b) {
    const labelLimit = maxLabels();
    if (b.length > LABEL_BYTES * labelLimit) {
        const labels = classTitleKeys(b);
        if (labels > labelLimit) {
            return new SlyconvError("labels-limit", `the file holds ${labels} labels ("classTitle" keys), more than the limit of ${labelLimit} per image; ` +
                `if that is real, raise it with ${MAX_LABELS_ENV}=${labels}`);
        }
    }
    const vertexLimit = maxVertices();
    const valueLimit = vertexLimit + VALUES_PER_LABEL * labelLimit;
    if (b.length > VERTEX_BYTES * vertexLimit || b.length > 2 * valueLimit) {
        const { all, numberLists } = containers(b);
        if (numberLists > vertexLimit)
            return vertexLimitError(`the file holds ${numberLists} vertices ([x, y] lists)`, numberLists);
        if (all > valueLimit)
            return pastBothLimits(`${all} lists and objects`, all, `${vertexLimit} vertices and ${VALUES_PER_LABEL} for each of ${labelLimit} labels`, valueLimit, 1, VALUES_PER_LABEL);
    }
    const commaLimit = COMMAS_PER_VERTEX * vertexLimit + COMMAS_PER_LABEL * labelLimit;
    if (b.length > commaLimit) {
        const n = commas(b);
        if (n > commaLimit) {
            return pastBothLimits(`${n} values (counted by their commas)`, n, `${COMMAS_PER_VERTEX} for each of ${vertexLimit} vertices and ${COMMAS_PER_LABEL} for each of ${labelLimit} labels`, commaLimit, COMMAS_PER_VERTEX, COMMAS_PER_LABEL);
        }
    }
    return null;
}
/**
 * The refusal of a file holding `count` of something (`holds` in words) past `limit`, what an item within both
 * limits holds (`within`, in words): `perVertex` of it a vertex and `perLabel` a label. Either limit raised alone to
 * the count it names lets the file be read.
 */
function pastBothLimits(holds, count, within, limit, perVertex, perLabel) {
    const labelLimit = maxLabels(), vertexLimit = maxVertices();
    const labels = Math.ceil((count - perVertex * vertexLimit) / perLabel), vertices = Math.ceil((count - perLabel * labelLimit) / perVertex);
    return new SlyconvError("labels-limit", `the file holds ${holds}, more than an item within the limits holds (${within}: ${limit}); ` +
        `if that is real, raise the labels limit with ${MAX_LABELS_ENV}=${labels} or the vertex limit with ${MAX_VERTICES_ENV}=${vertices}`);
}
/** Throws what annotationOverLimits finds, naming `file`. */
export function checkAnnotationBytes(b, file) {
    const over = annotationOverLimits(b);
    if (over)
        throw new SlyconvError(over.code, over.message, { file });
}
//# sourceMappingURL=annotation-counts.js.map