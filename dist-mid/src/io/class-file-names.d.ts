/**
 * Bytes of a stem at most: 255 bytes per name on common file systems, less what is added after the stem
 * (`_trainval.txt`, `_65535.png`, a `~2` to make it unique).
 */
export declare const MAX_CLASS_STEM_BYTES = 200;
/**
 * A class title made safe as a file name: path separators, NUL, control characters and the characters Windows
 * refuses become `_` (`tv/monitor` → `tv_monitor`); a leading `.` (a hidden file, which readers skip) becomes `_`;
 * a title longer than MAX_CLASS_STEM_BYTES is cut (on a character boundary) and ends with `~` and 8 hex digits of
 * its hash, so that two long titles with one beginning stay apart.
 */
export declare function classFileStem(title: string): string;
/**
 * File stems of classes, unique across the project, letter case aside: a second class whose title makes the same
 * stem (`a/b` and `a_b`) gets `~2`, `~3`, … in title order.
 */
export declare function classFileStems(titles: Iterable<string>): Map<string, string>;
