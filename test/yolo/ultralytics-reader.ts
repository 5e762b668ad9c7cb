/**
 * Reads a YOLO dataset the way Ultralytics does when it trains on it, to check what a model would see:
 *
 * - data.yaml as `check_det_dataset` (ultralytics/data/utils.py) takes it: `train` and `val` keys required, `names`
 *   and `nc` must agree, split paths relative to the YAML's folder (no `path` key), a split is a folder, a list of
 *   folders, or empty;
 * - each split's label files as `verify_image_label` reads them: a file per image under the split's folder with the
 *   last `/images/` replaced by `/labels/`; lines of whitespace-separated numbers; with `kpt_shape` every line must
 *   have 5 + K·D values; otherwise a file with any line longer than 6 values is segments (each line's box is the
 *   extent of its points); coordinates within [−0.01, 1.01]; class ids below nc; duplicate rows dropped.
 *
 * Images are not opened: tests export with `--images none`, so label files are found under labels/<split>.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

export interface UltralyticsObject {
  cls: number;
  /** xc, yc, w, h, normalised. */
  box: [number, number, number, number];
  /** Segment points (x, y pairs), normalised, when the file holds segments. */
  segment?: number[];
  /** K × D keypoint values, when the dataset has kpt_shape. */
  keypoints?: number[];
  file: string;
}

export interface UltralyticsView {
  yaml: Record<string, unknown>;
  names: string[];
  /** Folders (relative to the dataset) of each split key. */
  splitDirs: Record<"train" | "val" | "test", string[]>;
  objects: Record<"train" | "val" | "test", UltralyticsObject[]>;
  /** Label files per split key. */
  files: Record<"train" | "val" | "test", string[]>;
  duplicatesDropped: number;
}

function labelFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".txt")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

export function readAsUltralytics(dir: string): UltralyticsView {
  const yaml = YAML.parse(fs.readFileSync(path.join(dir, "data.yaml"), "utf8")) as Record<string, unknown>;
  for (const k of ["train", "val"]) if (!(k in yaml)) throw new Error(`data.yaml: '${k}:' key missing ('train' and 'val' are required in all data YAMLs)`);
  const namesRaw = yaml.names as Record<string, string> | string[];
  const names = Array.isArray(namesRaw) ? namesRaw : Object.keys(namesRaw).map(Number).sort((a, b) => a - b).map((i) => namesRaw[i]);
  if (Array.isArray(namesRaw) === false && names.some((n, i) => namesRaw[i as never] !== n)) throw new Error("names keys must be 0..nc-1");
  if (yaml.nc !== undefined && yaml.nc !== names.length) throw new Error(`'names' length ${names.length} and 'nc: ${String(yaml.nc)}' must match`);
  if ("path" in yaml) throw new Error("unexpected `path` key (slyconv writes paths relative to the YAML)");
  const kpt = yaml.kpt_shape as [number, number] | undefined;
  if (kpt && yaml.flip_idx !== undefined && (yaml.flip_idx as number[]).length !== kpt[0]) throw new Error("flip_idx length must equal kpt_shape[0]");
  const view: UltralyticsView = {
    yaml, names, splitDirs: { train: [], val: [], test: [] }, objects: { train: [], val: [], test: [] }, files: { train: [], val: [], test: [] }, duplicatesDropped: 0,
  };
  for (const key of ["train", "val", "test"] as const) {
    const v = yaml[key];
    if (!v) continue;
    const dirs = Array.isArray(v) ? (v as string[]) : [v as string];
    view.splitDirs[key] = dirs;
    for (const d of dirs) {
      // img2label_paths: the last images/ component becomes labels/.
      const parts = d.split("/");
      const at = parts.lastIndexOf("images");
      if (at >= 0) parts[at] = "labels";
      const labelsDir = path.join(dir, ...parts);
      for (const f of labelFiles(labelsDir)) {
        const rel = path.relative(dir, f).split(path.sep).join("/");
        view.files[key].push(rel);
        view.objects[key].push(...parseLabelFile(f, rel, names.length, kpt, view));
      }
    }
  }
  return view;
}

function parseLabelFile(file: string, rel: string, nc: number, kpt: [number, number] | undefined, view: UltralyticsView): UltralyticsObject[] {
  const rows = fs.readFileSync(file, "utf8").trim().split(/\r?\n/).filter((l) => l.length).map((l) => l.split(/\s+/).map(Number));
  if (rows.some((r) => r.some((v) => Number.isNaN(v)))) throw new Error(`${rel}: a value is not a number`);
  const isSegment = !kpt && rows.some((r) => r.length > 6);
  const objects: UltralyticsObject[] = rows.map((r) => {
    const cls = r[0];
    if (!Number.isInteger(cls) || cls < 0 || cls >= nc) throw new Error(`${rel}: label class ${cls} exceeds dataset class count ${nc}`);
    if (kpt) {
      if (r.length !== 5 + kpt[0] * kpt[1]) throw new Error(`${rel}: labels require ${5 + kpt[0] * kpt[1]} columns each, found ${r.length}`);
      return { cls, box: r.slice(1, 5) as [number, number, number, number], keypoints: r.slice(5), file: rel };
    }
    if (isSegment) {
      const pts = r.slice(1);
      if (pts.length % 2 || pts.length < 6) throw new Error(`${rel}: a segment needs 3 or more x y pairs`);
      const xs = pts.filter((_, i) => i % 2 === 0), ys = pts.filter((_, i) => i % 2 === 1);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      return { cls, box: [(x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0], segment: pts, file: rel };
    }
    if (r.length !== 5) throw new Error(`${rel}: labels require 5 columns, ${r.length} columns detected`);
    return { cls, box: r.slice(1, 5) as [number, number, number, number], file: rel };
  });
  for (const o of objects) {
    const coords = o.keypoints ? o.keypoints.filter((_, i) => i % kpt![1] < 2) : o.segment ?? o.box;
    if (Math.max(...coords, ...o.box) > 1.01) throw new Error(`${rel}: non-normalized or out of bounds coordinates`);
    if (Math.min(...coords, ...o.box) < -0.01) throw new Error(`${rel}: negative coordinate`);
  }
  // np.unique over whole rows: identical rows are one object.
  const seen = new Set<string>();
  const unique = objects.filter((o) => {
    const k = [o.cls, ...(o.segment ?? o.box), ...(o.keypoints ?? [])].join(" ");
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  view.duplicatesDropped += objects.length - unique.length;
  return unique;
}

/** Objects per class name and split key, as a model trains and validates on them. */
export function countsPerClass(view: UltralyticsView, split?: "train" | "val" | "test"): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of split ? [split] : (["train", "val", "test"] as const)) {
    for (const o of view.objects[key]) out[view.names[o.cls]] = (out[view.names[o.cls]] ?? 0) + 1;
  }
  return out;
}
