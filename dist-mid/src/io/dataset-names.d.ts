/**
 * Dataset names that would make hidden folders. A name starting with `.` (from a links CSV cell, an
 * `ImageSets/Main/.x.txt`, an `instances_.x.json`, a `--dataset` option) becomes a folder that file managers hide
 * and that slyconv's own readers skip, as every reader skips dot-files: the data would be written and then lost on
 * the way back. Every writer gets its datasets through here (api.ts tallyProject), so the name is made visible once,
 * with a warning, the same way for every output format.
 */
import type { Report } from "../report.js";
/**
 * `.x` → `_x` (and `..x` → `_.x`: only the leading dot makes a folder hidden); a name that would then equal a
 * sibling's gets `~2`, `~3`, …. Other names are returned as they are.
 */
export declare function visibleDatasetName(name: string, siblings: ReadonlySet<string>, parent: string | null, report: Report): string;
