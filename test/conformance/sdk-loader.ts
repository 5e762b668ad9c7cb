/**
 * What Supervisely's Python SDK (supervisely/supervisely @ aa7ba99, the reference the issue names) does when it opens
 * a project folder, restated from reading its loader: `sly.Project(dir, sly.OpenMode.READ)` (project/project.py
 * `Project._read`, `Dataset._read`), `fs.subdirs_tree` (io/fs.py), `image.has_valid_ext` (imaging/image.py),
 * `sly.read_project` (project type) and `PointLocation` (geometry/point_location.py). The SDK itself is not installable
 * here; test/conformance/sdk-loader.test.ts pins each rule on small folders, naming the SDK behaviour it stands for,
 * and the other conformance tests open every project slyconv writes with it.
 */
import fs from "node:fs";
import path from "node:path";

/** `Dataset.ignorable_dirs()`: every `*_dir_name` class attribute of Dataset. */
export const IGNORABLE_DIRS = ["ann", "blob", "datasets", "img", "img_info", "meta", "seg"];
/** `Project._read`: the same list without `datasets`, whose content is walked for nested datasets. */
const IGNORE_CONTENT = IGNORABLE_DIRS.filter((d) => d !== "datasets");
/** imaging/image.py SUPPORTED_IMG_EXTS, compared after `.lower()`. */
const SUPPORTED_IMG_EXTS = [".jpg", ".jpeg", ".mpo", ".bmp", ".png", ".webp", ".tiff", ".tif", ".nrrd", ".jfif"];

/** os.path.splitext: the last dot not among the name's leading dots starts the extension. */
export function splitext(name: string): [string, string] {
  const i = name.lastIndexOf(".");
  if (i <= 0 || !/[^.]/.test(name.slice(0, i))) return [name, ""];
  return [name.slice(0, i), name.slice(i)];
}

/** `image.has_valid_ext`. */
export const hasValidExt = (name: string) => SUPPORTED_IMG_EXTS.includes(splitext(name)[1].toLowerCase());

const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
/** `fs.list_files`: regular files directly in a folder (none when it is absent). */
const listFiles = (dir: string) => (isDir(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : []);

/**
 * `fs.subdirs_tree(dir, ignore, ignore_content)`: every folder below `dir` as a relative path, except those whose path
 * *ends with* a name of `ignore` (Python's str.endswith on the whole path, so `instanceseg` ends with `seg`); the
 * folders below one whose path ends with a name of `ignore_content` are not walked.
 */
export function subdirsTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = rel ? path.join(dir, rel) : dir;
    for (const d of fs.readdirSync(abs, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      const p = rel ? `${rel}/${d}` : d;
      if (!IGNORABLE_DIRS.some((i) => p.endsWith(i))) out.push(p);
      if (IGNORE_CONTENT.some((i) => p.endsWith(i))) continue;
      walk(p);
    }
  };
  walk("");
  return out;
}

/** `project._get_effective_ann_name`: `<image name>.json`, else `<stem>.json`. */
function effectiveAnnName(imgName: string, annNames: Set<string>): string | null {
  if (annNames.has(`${imgName}.json`)) return `${imgName}.json`;
  const old = `${splitext(imgName)[0]}.json`;
  return annNames.has(old) ? old : null;
}

export interface SdkDataset {
  /** Full name: the path without its `datasets` parts (`ds/child`). */
  name: string;
  /** Item name → annotation file name, as `Dataset._item_to_ann`. */
  items: Map<string, string>;
}

/** `Dataset._read` (no blob offset files: slyconv writes none). Throws what the SDK raises. */
export function sdkReadDataset(dir: string, relPath: string): SdkDataset {
  const itemDir = path.join(dir, "img"), annDir = path.join(dir, "ann");
  if (!isDir(itemDir)) throw new Error(`Item directory not found: '${itemDir}'`);
  if (!isDir(annDir)) throw new Error(`Annotation directory not found: '${annDir}'`);
  const annNames = new Set(listFiles(annDir).filter((f) => splitext(f)[1] === ".json"));
  let imgNames = listFiles(itemDir).filter(hasValidExt);
  // "items_names polyfield": no image in img/ → the items are the annotation files' names without ".json".
  if (imgNames.length === 0) imgNames = [...annNames].map((a) => splitext(a)[0]);
  const name = relPath.split("/").filter((p) => p !== "datasets").join("/");
  const items = new Map<string, string>();
  const used = new Set<string>();
  for (const img of imgNames) {
    const ann = effectiveAnnName(img, annNames);
    if (ann === null) throw new Error(`Item '${img}' in dataset '${name}' does not have a corresponding annotation file.`);
    if (used.has(ann)) throw new Error(`Annotation file '${ann}' in dataset '${name}' matches two different image files.`);
    used.add(ann);
    items.set(img, ann);
  }
  return { name, items };
}

export interface SdkProject {
  datasets: SdkDataset[];
  /** Folders `Project._read` tried as a dataset and skipped (it logs a warning and goes on), with why. */
  failed: { path: string; error: string }[];
  /** Folders holding ann/ that subdirs_tree never offers as a dataset (their name ends with an ignorable name). */
  unseen: string[];
}

/** `sly.Project(dir, sly.OpenMode.READ)`. Throws what the SDK raises ("Project is empty"). */
export function sdkOpenProject(dir: string): SdkProject {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8"));
  if (!Array.isArray(meta.classes)) throw new Error("KeyError: 'classes'");
  const project: SdkProject = { datasets: [], failed: [], unseen: [] };
  const offered = subdirsTree(dir);
  for (const rel of offered) {
    try {
      const ds = sdkReadDataset(path.join(dir, rel), rel);
      if (!project.datasets.some((d) => d.name === ds.name)) project.datasets.push(ds);
    } catch (e) {
      project.failed.push({ path: rel, error: (e as Error).message });
    }
  }
  // Not the SDK: the folders with ann/ it passes over without a word, for the tests to name.
  const walkAll = (rel: string) => {
    const abs = rel ? path.join(dir, rel) : dir;
    for (const d of fs.readdirSync(abs, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const p = rel ? `${rel}/${d.name}` : d.name;
      if (isDir(path.join(dir, p, "ann")) && !offered.includes(p)) project.unseen.push(p);
      if (!["ann", "img", "img_info", "meta", "seg", "blob"].includes(d.name)) walkAll(p);
    }
  };
  walkAll("");
  if (project.datasets.reduce((n, d) => n + d.items.size, 0) === 0) throw new Error("Project is empty");
  return project;
}

/** `sly.read_project`: the project type from meta.json, which it needs to pick a project class. */
export function sdkReadProjectType(dir: string): string {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8"));
  const t = meta.projectType ?? null;
  if (!["images", "videos", "volumes", "point_clouds", "point_cloud_episodes", "meshes"].includes(t)) throw new Error(`Unknown type of project: '${t === null ? "None" : t}'`);
  return t;
}

/** `PointLocation(row, col)`: each coordinate floored on load. */
export const sdkCoordinate = (v: number) => Math.floor(v);
