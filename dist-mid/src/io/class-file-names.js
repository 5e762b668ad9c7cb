/**
 * File names made from class titles (VOC's per-class lists `<class>_<split>.txt`, the masks format's instance files
 * `<class>_<n>.png`): a title may hold any text, a file name may not. Shared by the writers that make them and the
 * readers that map them back, so that they agree.
 */
import { createHash } from "node:crypto";
/**
 * Bytes of a stem at most: 255 bytes per name on common file systems, less what is added after the stem
 * (`_trainval.txt`, `_65535.png`, a `~2` to make it unique).
 */
export const MAX_CLASS_STEM_BYTES = 200;
/**
 * A class title made safe as a file name: path separators, NUL, control characters and the characters Windows
 * refuses become `_` (`tv/monitor` → `tv_monitor`); a leading `.` (a hidden file, which readers skip) becomes `_`;
 * a title longer than MAX_CLASS_STEM_BYTES is cut (on a character boundary) and ends with `~` and 8 hex digits of
 * its hash, so that two long titles with one beginning stay apart.
 */
export function classFileStem(title) {
    let s = title.replace(/[\\/\0-\x1f<>:"|?*]/g, "_").replace(/^\./, "_");
    if (Buffer.byteLength(s) > MAX_CLASS_STEM_BYTES) {
        const hash = createHash("sha1").update(title).digest("hex").slice(0, 8);
        let cut = Buffer.from(s).subarray(0, MAX_CLASS_STEM_BYTES - 9).toString("utf8");
        // A character cut in two decodes as U+FFFD: drop it.
        cut = cut.replace(/\uFFFD+$/, "");
        s = `${cut}~${hash}`;
    }
    return s;
}
/**
 * File stems of classes, unique across the project, letter case aside: a second class whose title makes the same
 * stem (`a/b` and `a_b`) gets `~2`, `~3`, … in title order.
 */
export function classFileStems(titles) {
    const out = new Map();
    const used = new Set();
    for (const t of titles) {
        if (out.has(t))
            continue;
        const base = classFileStem(t);
        let stem = base;
        for (let n = 2; used.has(stem.toLowerCase()); n++)
            stem = `${base}~${n}`;
        used.add(stem.toLowerCase());
        out.set(t, stem);
    }
    return out;
}
//# sourceMappingURL=class-file-names.js.map