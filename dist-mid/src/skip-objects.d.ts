/**
 * The crowd / difficult policy of every export: objects that training code leaves out by convention can be left out
 * of the output, and each one left out is counted in the report (written + reported = source).
 *
 * - crowd: a label with the object tag `iscrowd` (COCO's `iscrowd: 1`, as the COCO reader tags it; a tag with the
 *   value 0 or false is not crowd);
 * - difficult: a label with the object tag `difficult` whose value is 1 / true (Pascal VOC's `<difficult>1</difficult>`,
 *   as the VOC reader tags it), or with no value.
 *
 * Labels bound by one `instance` key are one object: the object is skipped when any of its labels is crowd or
 * difficult. Each writer declares its defaults (FormatAdapter.skipsByDefault): YOLO skips both, as Ultralytics'
 * COCO converter skips `iscrowd` and its VOC script skips `difficult`; VOC, COCO and masks keep both (their formats
 * hold the flag). `--skip-crowd` / `--no-skip-crowd` and `--skip-difficult` / `--no-skip-difficult` override them.
 */
import type { FormatOptions } from "./format.js";
import type { Label, Project } from "./model/index.js";
import type { Report } from "./report.js";
export interface SkipPolicy {
    crowd: boolean;
    difficult: boolean;
}
export declare const KEEP_ALL: SkipPolicy;
export declare const SKIP_OBJECT_OPTIONS: readonly [{
    readonly flags: "--skip-crowd";
    readonly description: "leave out crowd objects (tag iscrowd) and count them; default for yolo";
}, {
    readonly flags: "--no-skip-crowd";
    readonly description: "write crowd objects; default for voc, coco, masks";
}, {
    readonly flags: "--skip-difficult";
    readonly description: "leave out difficult objects (tag difficult = 1) and count them; default for yolo";
}, {
    readonly flags: "--no-skip-difficult";
    readonly description: "write difficult objects; default for voc, coco, masks";
}];
/** The policy the options ask for (`skipCrowd` / `skipDifficult`, true or false), else the writer's defaults. */
export declare function skipPolicyOf(options: FormatOptions, defaults?: SkipPolicy): SkipPolicy;
export declare const isCrowd: (l: Label) => boolean;
export declare const isDifficult: (l: Label) => boolean;
/** The labels of one annotation without the skipped objects; skipped objects are counted in the report. */
export declare function skipObjects(labels: readonly Label[], policy: SkipPolicy, report: Report): Label[];
/** The same project whose items, as they stream, lose the objects the policy skips. */
export declare function withoutSkippedObjects(project: Project, policy: SkipPolicy, report: Report): Project;
