/**
 * The hand-made masks fixtures, as pixel grids (the source of truth the committed PNGs were written from; see
 * fixtures.test.ts, which checks they still match). Regenerate with
 *   MAKE_MASK_FIXTURES=1 npx vitest run test/masks/fixtures.test.ts
 */
import fs from "node:fs";
import path from "node:path";
import pngjs from "pngjs";
import { encodeGrayPng, encodePalettePng } from "../../src/codecs/png-encode.js";
import { FIXTURES } from "../helpers/paths.js";

export const MASK_FIXTURES = path.join(FIXTURES, "masks");

/** 6×4 class-index mask of generic-index/a: 0 background, 1 cat, 2 dog, 255 ignore. */
export const GENERIC_A = [
  [0, 1, 1, 0, 0, 0],
  [0, 1, 1, 0, 2, 2],
  [0, 0, 0, 0, 2, 2],
  [255, 0, 1, 0, 0, 0],
];
/** Instance ids beside generic-index/a: 1 and 2 are the two cat parts, 3 the dog. */
export const GENERIC_A_IDS = [
  [0, 1, 1, 0, 0, 0],
  [0, 1, 1, 0, 3, 3],
  [0, 0, 0, 0, 3, 3],
  [255, 0, 2, 0, 0, 0],
];
/**
 * generic-index/b, a palette PNG whose entries 1 and 2 have the *same* colour: only the index tells cat from dog.
 * Cat touches itself diagonally only (one part with 8-connectivity, two with 4).
 */
export const GENERIC_B = [
  [1, 0, 0, 0, 0, 0],
  [0, 1, 0, 0, 2, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 2, 2, 2],
];
export const GENERIC_B_PALETTE: [number, number, number][] = [[0, 0, 0], [128, 0, 0], [128, 0, 0], [0, 0, 0]];

/** generic-colour/street: road (128,64,128), car (0,0,255), background black. */
export const ROAD: [number, number, number] = [128, 64, 128];
export const CAR: [number, number, number] = [0, 0, 255];
export const BLACK: [number, number, number] = [0, 0, 0];
export const COLOUR_STREET = [
  [BLACK, BLACK, CAR, CAR, BLACK],
  [ROAD, ROAD, CAR, CAR, ROAD],
  [ROAD, ROAD, ROAD, ROAD, ROAD],
];

/** sly-layout/ds1/x (5×4): machine mask, person = 1, tv/monitor = 2; person_2 lies on top of person_1. */
export const SLY_X_MACHINE = [
  [1, 1, 1, 0, 0],
  [1, 1, 1, 0, 2],
  [1, 1, 1, 0, 2],
  [0, 0, 0, 0, 0],
];
export const SLY_X_PERSON_1 = [
  [1, 1, 1, 0, 0],
  [1, 1, 1, 0, 0],
  [1, 1, 1, 0, 0],
  [0, 0, 0, 0, 0],
];
export const SLY_X_PERSON_2 = [
  [0, 0, 0, 0, 0],
  [0, 1, 0, 0, 0],
  [0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0],
];
export const SLY_X_TV_1 = [
  [0, 0, 0, 0, 0],
  [0, 0, 0, 0, 1],
  [0, 0, 0, 0, 1],
  [0, 0, 0, 0, 0],
];
/** sly-layout/ds1/datasets/sub/z (3×2). */
export const SLY_Z_MACHINE = [
  [2, 2, 0],
  [0, 0, 0],
];

export const flat = (grid: number[][]) => Uint8Array.from(grid.flat());

export function rgbPng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const png = new pngjs.PNG({ width, height, colorType: 2, inputColorType: 2, inputHasAlpha: false } as pngjs.PNGOptions);
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 3);
  (png as unknown as { data: Buffer }).data = data;
  return pngjs.PNG.sync.write(png as pngjs.PNG, { colorType: 2, inputColorType: 2, inputHasAlpha: false } as pngjs.PNGOptions);
}

/** A plain image of the given size (gray gradient) to stand for a photo. */
export function photoPng(width: number, height: number): Buffer {
  return rgbPng(width, height, (x, y) => [40 + x * 20, 60 + y * 30, 90]);
}

const gray01 = (grid: number[][]) => encodeGrayPng(grid[0].length, grid.length, Uint8Array.from(grid.flat().map((v) => (v ? 255 : 0))));

/** Every fixture file: relative path → bytes. */
export function fixtureFiles(): Record<string, Buffer> {
  const w = 6, h = 4;
  return {
    "generic-index/classes.txt": Buffer.from("_background_\ncat\ndog\n"),
    "generic-index/images/a.png": photoPng(w, h),
    "generic-index/images/b.png": photoPng(w, h),
    "generic-index/images/c.png": photoPng(w, h),
    "generic-index/masks/a.png": encodeGrayPng(w, h, flat(GENERIC_A)),
    "generic-index/masks/b.png": encodePalettePng(w, h, flat(GENERIC_B), GENERIC_B_PALETTE),
    "generic-index/masks/zzz.png": encodeGrayPng(w, h, new Uint8Array(w * h)),
    "generic-index/instances/a.png": encodeGrayPng(w, h, flat(GENERIC_A_IDS)),
    "generic-colour/colors.json": Buffer.from(JSON.stringify({ road: [128, 64, 128], car: "#0000FF" }, null, 2) + "\n"),
    "generic-colour/images/street.png": photoPng(5, 3),
    "generic-colour/masks/street.png": rgbPng(5, 3, (x, y) => COLOUR_STREET[y][x]),
    "sly-layout/obj_class_to_machine_color.json": Buffer.from(JSON.stringify({ person: [1, 1, 1], "tv/monitor": [2, 2, 2] }, null, 4)),
    "sly-layout/obj_class_to_semantic_color.json": Buffer.from(JSON.stringify({ person: [255, 0, 0], "tv/monitor": [0, 255, 0] }, null, 4)),
    "sly-layout/ds1/img/x.png": photoPng(5, 4),
    "sly-layout/ds1/img/y.png": photoPng(5, 4),
    "sly-layout/ds1/masks_machine/x.png": encodeGrayPng(5, 4, flat(SLY_X_MACHINE)),
    "sly-layout/ds1/masks_instances/x/person_1.png": gray01(SLY_X_PERSON_1),
    "sly-layout/ds1/masks_instances/x/person_2.png": gray01(SLY_X_PERSON_2),
    "sly-layout/ds1/masks_instances/x/tv_monitor_1.png": gray01(SLY_X_TV_1),
    "sly-layout/ds1/masks_human/x.png": photoPng(10, 4),
    "sly-layout/ds1/datasets/sub/img/z.png": photoPng(3, 2),
    "sly-layout/ds1/datasets/sub/masks_machine/z.png": encodeGrayPng(3, 2, flat(SLY_Z_MACHINE)),
  };
}

export function writeFixtures(): void {
  for (const [rel, bytes] of Object.entries(fixtureFiles())) {
    const p = path.join(MASK_FIXTURES, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, bytes);
  }
}
