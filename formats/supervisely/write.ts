import fs from "node:fs/promises";
import path from "node:path";
import type { Dataset, Item, Project } from "../../src/model/index.js";
import { iterateItems } from "../../src/model/index.js";
import { assertPlainFileName, safeJoin } from "../../src/io/paths.js";
import { canonicalJson } from "../../src/io/json-file.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { SlyconvError } from "../../src/errors.js";
import type { FormatContext } from "../../src/format.js";
import { annotationToJson, metaToJson } from "./json-model.js";
import { ANN_DIR, DATASETS_DIR, IMG_DIR, IMG_INFO_DIR, META_DIR, META_FILE, RESERVED_DIRS } from "./layout.js";

export type ImageMode = "copy" | "hardlink" | "symlink" | "none";

export interface SuperviselyWriteOptions {
  /** How image files get into img/ (default: hardlink where possible, else copy). */
  images?: ImageMode;
}

const WRITE_CONCURRENCY = 16;

async function placeImage(src: string, dest: string, mode: ImageMode): Promise<void> {
  if (mode === "symlink") return fs.symlink(path.resolve(src), dest);
  if (mode === "hardlink") {
    try {
      return await fs.link(src, dest);
    } catch {
      /* another device or no permission: fall back to a copy */
    }
  }
  await fs.copyFile(src, dest);
}

async function writeItem(dsDir: string, item: Item, mode: ImageMode, made: Map<string, Promise<unknown>>): Promise<void> {
  // One mkdir per folder, shared by the concurrent writers that need it.
  const ensure = async (sub: string) => {
    const d = path.join(dsDir, sub);
    let p = made.get(d);
    if (!p) made.set(d, (p = fs.mkdir(d, { recursive: true })));
    await p;
    return d;
  };
  const name = item.name;
  await fs.writeFile(path.join(await ensure(ANN_DIR), `${name}.json`), canonicalJson(annotationToJson(item.annotation)));
  let info = item.imageInfo;
  if (item.image?.kind === "link") info = { ...info, link: item.image.url };
  if (item.image?.kind === "file" && mode !== "none") await placeImage(item.image.path, path.join(await ensure(IMG_DIR), name), mode);
  if (item.image?.kind === "bytes" && mode !== "none") await fs.writeFile(path.join(await ensure(IMG_DIR), name), item.image.data);
  if (info) await fs.writeFile(path.join(await ensure(IMG_INFO_DIR), `${name}.json`), canonicalJson(info));
  if (item.imageMeta && Object.keys(item.imageMeta).length) {
    await fs.writeFile(path.join(await ensure(META_DIR), `${name}.json`), canonicalJson(item.imageMeta));
  }
}

async function writeDataset(dsDir: string, ds: Dataset, opts: Required<SuperviselyWriteOptions>, ctx: FormatContext, fullName: string): Promise<number> {
  await fs.mkdir(dsDir, { recursive: true });
  await fs.mkdir(path.join(dsDir, ANN_DIR), { recursive: true });
  const made = new Map<string, Promise<unknown>>([[path.join(dsDir, ANN_DIR), Promise.resolve()]]);
  const seen = new Set<string>();
  let count = 0;
  const checked = async function* () {
    for await (const item of iterateItems(ds.items)) {
      assertPlainFileName(item.name);
      if (seen.has(item.name)) {
        throw new SlyconvError("duplicate-item", `dataset ${fullName} has two items named ${JSON.stringify(item.name)}`);
      }
      seen.add(item.name);
      yield item;
    }
  };
  for await (const _ of mapConcurrent(checked(), WRITE_CONCURRENCY, (item) => writeItem(dsDir, item, opts.images, made))) {
    count++;
    ctx.progress.increment();
  }
  for (const child of ds.datasets) {
    checkDatasetName(child.name);
    count += await writeDataset(safeJoin(dsDir, DATASETS_DIR, child.name), child, opts, ctx, `${fullName}/${child.name}`);
  }
  return count;
}

function checkDatasetName(name: string): void {
  assertPlainFileName(name);
  if (RESERVED_DIRS.has(name)) throw new SlyconvError("reserved-dataset-name", `a dataset cannot be named ${JSON.stringify(name)}: Supervisely reserves that folder name`);
}

/** Writes a project canonically (spec §9) into an empty folder. meta.json is written last. */
export async function writeSuperviselyProject(project: Project, outDir: string, options: SuperviselyWriteOptions, ctx: FormatContext): Promise<{ items: number }> {
  const opts = { images: options.images ?? "hardlink" } as Required<SuperviselyWriteOptions>;
  ctx.progress.start("writing Supervisely project");
  let items = 0;
  const names = new Set<string>();
  for (const ds of project.datasets) {
    checkDatasetName(ds.name);
    if (names.has(ds.name)) throw new SlyconvError("duplicate-dataset", `two datasets are named ${JSON.stringify(ds.name)}`);
    names.add(ds.name);
    items += await writeDataset(safeJoin(outDir, ds.name), ds, opts, ctx, ds.name);
  }
  ctx.progress.stop();
  for (const [file, value] of Object.entries(project.sideFiles ?? {})) {
    await fs.writeFile(safeJoin(outDir, assertPlainFileName(file)), canonicalJson(value));
  }
  await fs.writeFile(path.join(outDir, META_FILE), canonicalJson(metaToJson(project.meta)));
  ctx.report.count("items", items);
  return { items };
}
