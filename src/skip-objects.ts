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
import type { FormatOptions, OptionSpec } from "./format.js";
import { optionSetting } from "./errors.js";
// Types only: the option list is read at every CLI start, which loads no model code.
import type { Dataset, Label, Project } from "./model/index.js";
import type { Report } from "./report.js";

export interface SkipPolicy {
  crowd: boolean;
  difficult: boolean;
}

export const KEEP_ALL: SkipPolicy = { crowd: false, difficult: false };

export const SKIP_OBJECT_OPTIONS = [
  { flags: "--skip-crowd", description: "leave out crowd objects (tag iscrowd) and count them; default for yolo" },
  { flags: "--no-skip-crowd", description: "write crowd objects; default for voc, coco, masks" },
  { flags: "--skip-difficult", description: "leave out difficult objects (tag difficult = 1) and count them; default for yolo" },
  { flags: "--no-skip-difficult", description: "write difficult objects; default for voc, coco, masks" },
] as const satisfies readonly OptionSpec[];

/** The policy the options ask for (`skipCrowd` / `skipDifficult`, true or false), else the writer's defaults. */
export function skipPolicyOf(options: FormatOptions, defaults: SkipPolicy = KEEP_ALL): SkipPolicy {
  const pick = (v: unknown, d: boolean) => (typeof v === "boolean" ? v : d);
  return { crowd: pick(options.skipCrowd, defaults.crowd), difficult: pick(options.skipDifficult, defaults.difficult) };
}

const truthy = (v: unknown) => v === undefined || v === null || v === 1 || v === true || v === "1" || (typeof v === "string" && v.toLowerCase() === "true");

/**
 * `name` is lower case. A tag name of another length cannot lower-case to it (lower-casing changes a length only by
 * adding a combining dot, which no flag name holds), so only names of its length are lower-cased: most tags are not
 * flags, and every label of a stream is asked.
 */
function hasFlag(l: Label, name: string): boolean {
  for (const t of l.tags) {
    if (t.name.length === name.length && (t.name === name || t.name.toLowerCase() === name) && truthy(t.value)) return true;
  }
  return false;
}

export const isCrowd = (l: Label) => hasFlag(l, "iscrowd");
export const isDifficult = (l: Label) => hasFlag(l, "difficult");

const instanceOf = (l: Label): string | undefined => {
  const v = l.extra?.instance;
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
};

/** The labels of one annotation without the skipped objects; skipped objects are counted in the report. */
export function skipObjects(labels: readonly Label[], policy: SkipPolicy, report: Report): Label[] {
  if (!policy.crowd && !policy.difficult) return labels as Label[];
  const why = (l: Label): "crowd" | "difficult" | null => (policy.crowd && isCrowd(l) ? "crowd" : policy.difficult && isDifficult(l) ? "difficult" : null);
  // An object is skipped when any of its labels is: first the bound groups that are.
  const skippedGroups = new Map<string, "crowd" | "difficult">();
  for (const l of labels) {
    const key = instanceOf(l);
    const w = key !== undefined && !skippedGroups.has(key) ? why(l) : null;
    if (w) skippedGroups.set(key!, w);
  }
  const counted = new Set<string>();
  const kept: Label[] = [];
  for (const l of labels) {
    const key = instanceOf(l);
    const w = key !== undefined ? skippedGroups.get(key) : why(l);
    if (!w) {
      kept.push(l);
      continue;
    }
    if (key !== undefined) {
      if (counted.has(key)) continue;
      counted.add(key);
    }
    report.lose(l.classTitle, `${w} object`, w === "crowd"
      ? `left out (iscrowd; ${optionSetting("skipCrowd", false)} writes it)`
      : `left out (difficult; ${optionSetting("skipDifficult", false)} writes it)`);
    report.count(`skipped${w[0].toUpperCase()}${w.slice(1)}Objects`);
  }
  return kept.length === labels.length ? (labels as Label[]) : kept;
}

/** The same project whose items, as they stream, lose the objects the policy skips. */
export function withoutSkippedObjects(project: Project, policy: SkipPolicy, report: Report): Project {
  if (!policy.crowd && !policy.difficult) return project;
  const wrap = (ds: Dataset): Dataset => ({
    ...ds,
    datasets: ds.datasets.map(wrap),
    items: async function* () {
      for await (const item of typeof ds.items === "function" ? ds.items() : ds.items) {
        const labels = skipObjects(item.annotation.labels, policy, report);
        yield labels === item.annotation.labels ? item : { ...item, annotation: { ...item.annotation, labels } };
      }
    },
  });
  return { ...project, datasets: project.datasets.map(wrap) };
}
