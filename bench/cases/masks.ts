/**
 * PNG masks at a small-segmentation-dataset scale, generated once (deterministic): 1,000 images of 512×384 (flat
 * JPEGs) with class-index masks (20 classes, a few ellipses each) and instance-id PNGs, plus classes.txt.
 * Measures import (masks → Supervisely project, images hardlinked) and export (project → masks, no overlays).
 */
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { BenchCase } from "../types.js";
import { exportProject, importDataset } from "../../src/api.js";
import { encodeGrayPng } from "../../src/codecs/png-encode.js";
import { seededRandom } from "../random.js";

const IMAGES = Number(process.env.SLYCONV_BENCH_MASK_IMAGES ?? 1000);
const W = 512, H = 384;


async function prepare(dataDir: string): Promise<void> {
  const root = path.join(dataDir, "masks-dataset");
  const done = path.join(root, ".complete");
  if (await fs.stat(done).catch(() => null)) return;
  await fs.rm(root, { recursive: true, force: true });
  for (const d of ["images", "masks", "instances"]) await fs.mkdir(path.join(root, d), { recursive: true });
  await fs.writeFile(path.join(root, "classes.txt"), ["_background_", ...Array.from({ length: 20 }, (_, i) => `class_${i + 1}`)].join("\n") + "\n");
  const photo = await sharp({ create: { width: W, height: H, channels: 3, background: { r: 90, g: 120, b: 150 } } }).jpeg().toBuffer();
  for (let i = 0; i < IMAGES; i++) {
    const r = seededRandom(i + 1);
    const cls = new Uint8Array(W * H), ids = new Uint8Array(W * H);
    const n = 1 + Math.floor(r() * 5);
    for (let k = 0; k < n; k++) {
      const cx = r() * W, cy = r() * H, rx = 10 + r() * 80, ry = 10 + r() * 60, c = 1 + Math.floor(r() * 20);
      for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(H, cy + ry); y++) {
        for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(W, cx + rx); x++) {
          if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) {
            cls[y * W + x] = c;
            ids[y * W + x] = k + 1;
          }
        }
      }
    }
    const stem = `img_${String(i).padStart(5, "0")}`;
    await fs.writeFile(path.join(root, "images", `${stem}.jpg`), photo);
    await fs.writeFile(path.join(root, "masks", `${stem}.png`), encodeGrayPng(W, H, cls));
    await fs.writeFile(path.join(root, "instances", `${stem}.png`), encodeGrayPng(W, H, ids));
  }
  await fs.writeFile(done, "");
}

export const cases: BenchCase[] = [
  {
    name: `masks import ${IMAGES} images 512x384`,
    prepare,
    async run(dataDir, outDir) {
      const { items } = await importDataset(path.join(dataDir, "masks-dataset"), outDir, { format: "masks" });
      return { items };
    },
  },
  {
    name: `masks export ${IMAGES} images 512x384`,
    async prepare(dataDir) {
      await prepare(dataDir);
      const sly = path.join(dataDir, "masks-sly");
      if (await fs.stat(path.join(sly, "meta.json")).catch(() => null)) return;
      await importDataset(path.join(dataDir, "masks-dataset"), sly, { format: "masks", force: true });
    },
    async run(dataDir, outDir) {
      const { report } = await exportProject(path.join(dataDir, "masks-sly"), outDir, { format: "masks" });
      return { items: report.stats.items ?? 0 };
    },
  },
];
