/**
 * COCO-shaped data, generated once and deterministically: the val2017 shape (5k images, 36k annotations) and the
 * train2017 shape (118k images, 860k annotations), each the size of COCO's own file (instances_val2017.json is
 * 19.1 MiB, instances_train2017.json 448 MiB: about 510 bytes an annotation), with COCO's key order (categories
 * last, so the reader takes the annotations from their noted byte ranges after the scan), 80 categories with COCO's
 * id gaps, polygons of 1–3 parts and 6–40 vertices with two decimals, ~1% crowd annotations with uncompressed RLE,
 * and no image files (items are annotation-only).
 *
 * Until 2026-11-26 polygons had 6–60 vertices, which made both files 30% larger than COCO's (26 and 612 MB); the
 * data now lives in folders named `-v2` so that the old files are not measured by mistake.
 * Measures import (COCO → Supervisely project) and export (project → COCO) through the library API.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { BenchCase } from "../types.js";
import { exportProject, importDataset } from "../../src/api.js";
import { seededRandom } from "../random.js";

interface Shape { name: string; images: number; annotations: number }

const SCALE = Number(process.env.SLYCONV_BENCH_COCO_SCALE ?? 1);
const SHAPES: Shape[] = [
  { name: "val2017", images: Math.round(5000 * SCALE), annotations: Math.round(36_781 * SCALE) },
  { name: "train2017", images: Math.round(118_287 * SCALE), annotations: Math.round(860_001 * SCALE) },
];


const CATEGORY_IDS = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 27, 28, 31, 32, 33, 34, 35,
  36, 37, 38, 39, 40, 41, 42, 43, 44, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65,
  67, 70, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 84, 85, 86, 87, 88, 89, 90,
];
/** Vertices per polygon part: 6 + [0, VERTEX_SPREAD), chosen so that the files have COCO's size. */
const VERTEX_SPREAD = 35;
const r2 = (v: number) => Math.round(v * 100) / 100;

function imageJson(i: number, split: string, rand: () => number): { json: string; width: number; height: number; id: number } {
  const id = 100_000 + i * 7;
  const width = rand() < 0.7 ? 640 : 480 + Math.floor(rand() * 160);
  const height = rand() < 0.6 ? 480 : 360 + Math.floor(rand() * 280);
  const name = `${String(id).padStart(12, "0")}.jpg`;
  return {
    id, width, height,
    json: JSON.stringify({
      license: 1 + (i % 8), file_name: name, coco_url: `http://images.cocodataset.org/${split}/${name}`, height, width,
      date_captured: "2013-11-14 16:28:13", flickr_url: `http://farm4.staticflickr.com/${i}/x_z.jpg`, id,
    }),
  };
}

function polygonAnnotation(id: number, img: { id: number; width: number; height: number }, rand: () => number): string {
  const parts = rand() < 0.85 ? 1 : 1 + Math.ceil(rand() * 2);
  const cx = 20 + rand() * (img.width - 40), cy = 20 + rand() * (img.height - 40);
  const radius = 5 + rand() * Math.min(cx, cy, img.width - cx, img.height - cy, 120);
  const segmentation: number[][] = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let p = 0; p < parts; p++) {
    const n = 6 + Math.floor(rand() * VERTEX_SPREAD);
    const ring: number[] = [];
    const ox = p * radius * 0.3, oy = p * radius * 0.2;
    for (let k = 0; k < n; k++) {
      const a = (k / n) * 2 * Math.PI;
      const rr = radius * (0.6 + 0.4 * rand()) / (p + 1);
      const x = r2(Math.min(img.width - 1, Math.max(0, cx + ox + rr * Math.cos(a))));
      const y = r2(Math.min(img.height - 1, Math.max(0, cy + oy + rr * Math.sin(a))));
      ring.push(x, y);
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    segmentation.push(ring);
  }
  return JSON.stringify({
    segmentation, area: r2((maxX - minX) * (maxY - minY) * 0.7), iscrowd: 0, image_id: img.id,
    bbox: [minX, minY, r2(maxX - minX), r2(maxY - minY)], category_id: CATEGORY_IDS[Math.floor(rand() * CATEGORY_IDS.length)], id,
  });
}

/** A crowd region as COCO writes it: uncompressed column-major counts over the whole image. */
function crowdAnnotation(id: number, img: { id: number; width: number; height: number }, rand: () => number): string {
  const w = 30 + Math.floor(rand() * Math.min(170, img.width - 40));
  const x0 = Math.floor(rand() * (img.width - w));
  const counts: number[] = [];
  let zeros = x0 * img.height;
  let area = 0, minY = img.height, maxY = 0;
  for (let x = 0; x < w; x++) {
    const top = Math.floor(img.height * (0.3 + 0.1 * Math.sin(x / 7) * rand()));
    const len = Math.max(1, Math.floor(img.height * 0.4 * (0.5 + 0.5 * rand())));
    counts.push(zeros + top, len);
    zeros = img.height - top - len;
    area += len;
    minY = Math.min(minY, top);
    maxY = Math.max(maxY, top + len);
  }
  counts.push(zeros + (img.width - x0 - w) * img.height);
  return JSON.stringify({
    segmentation: { counts, size: [img.height, img.width] }, area, iscrowd: 1, image_id: img.id,
    bbox: [x0, minY, w, maxY - minY], category_id: 1, id,
  });
}

async function generate(file: string, shape: Shape): Promise<void> {
  if (await fsp.stat(file).catch(() => null)) return;
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const out = fs.createWriteStream(tmp);
  let buffer: string[] = [];
  let size = 0;
  const write = async (s: string) => {
    buffer.push(s);
    size += s.length;
    if (size > 1 << 20) {
      const text = buffer.join("");
      buffer = [];
      size = 0;
      if (!out.write(text)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
  };
  const rand = seededRandom(shape.images);
  await write(`{"info": {"description": "COCO-shaped ${shape.name} (generated)", "version": "1.0", "year": 2017},\n"licenses": [`);
  for (let l = 1; l <= 8; l++) await write(`${l > 1 ? "," : ""}{"url": "http://creativecommons.org/licenses/${l}/", "id": ${l}, "name": "License ${l}"}`);
  await write(`],\n"images": [`);
  const images: { id: number; width: number; height: number }[] = [];
  for (let i = 0; i < shape.images; i++) {
    const img = imageJson(i, shape.name, rand);
    images.push(img);
    await write(`${i ? "," : ""}${img.json}`);
  }
  await write(`],\n"annotations": [`);
  for (let a = 0; a < shape.annotations; a++) {
    // Annotations are not sorted by image in COCO: spread them over the images.
    const img = images[Math.floor(rand() * images.length)];
    const id = 900_000 + a;
    await write(`${a ? "," : ""}${rand() < 0.01 ? crowdAnnotation(id, img, rand) : polygonAnnotation(id, img, rand)}`);
  }
  await write(`],\n"categories": [`);
  for (let k = 0; k < CATEGORY_IDS.length; k++) {
    const id = CATEGORY_IDS[k];
    await write(`${k ? "," : ""}{"supercategory": "group${Math.floor(k / 8)}", "id": ${id}, "name": "class_${id}"}`);
  }
  await write("]}\n");
  out.write(buffer.join(""));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  await fsp.rename(tmp, file);
}

const cocoFile = (dataDir: string, s: Shape) => path.join(dataDir, `coco-${s.name}-v2-x${SCALE}`, "annotations", `instances_${s.name}.json`);
const projectDir = (dataDir: string, s: Shape) => path.join(dataDir, `coco-${s.name}-v2-x${SCALE}-project`);

/** The Supervisely project an export case starts from: the generated COCO, imported once. */
async function prepareProject(dataDir: string, s: Shape): Promise<void> {
  await generate(cocoFile(dataDir, s), s);
  const dir = projectDir(dataDir, s);
  if (await fsp.stat(path.join(dir, "meta.json")).catch(() => null)) {
    // A project made by a version that kept image entries in meta/ files is made again.
    const info = JSON.parse(await fsp.readFile(path.join(dir, "coco_info.json"), "utf8").catch(() => "{}")) as { images?: unknown };
    if (info.images) return;
  }
  await importDataset(cocoFile(dataDir, s), dir, { format: "coco", force: true, images: "none", formatOptions: { images: "none" } });
}

export const cases: BenchCase[] = SHAPES.flatMap((s): BenchCase[] => [
  {
    name: `coco import ${s.name}-shape (${s.images} images, ${s.annotations} annotations)`,
    target: s.name === "val2017" ? "≤ 2 s" : "≤ 45 s, ≤ 1.5 GB RSS",
    prepare: (dataDir) => generate(cocoFile(dataDir, s), s),
    run: async (dataDir, outDir) => {
      const r = await importDataset(cocoFile(dataDir, s), outDir, { format: "coco", images: "none", formatOptions: { images: "none" } });
      return { items: r.items };
    },
  },
  {
    name: `coco export ${s.name}-shape (${s.images} images, ${s.annotations} annotations)`,
    target: s.name === "val2017" ? "about the import's pace" : "about the import's pace, ≤ 1.5 GB RSS",
    prepare: (dataDir) => prepareProject(dataDir, s),
    run: async (dataDir, outDir) => {
      const { report } = await exportProject(projectDir(dataDir, s), outDir, { format: "coco", formatOptions: { images: "none" } });
      return { items: report.stats.items ?? 0 };
    },
  },
]);
