/**
 * Builds the hand-made VOC fixtures in a temporary folder: the XML and list files are committed under fixtures/voc/,
 * the tiny masks are drawn here from character grids (readable, and every expected pixel count can be counted by eye),
 * and the JPEGs are solid images of the sizes the XML files declare.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { encodePalettePng } from "../../src/codecs/png-encode.js";
import { VOC_COLORMAP } from "../../formats/voc/palette.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";

/** Grid character → [class value, instance value]. */
export type Legend = Record<string, [number, number]>;

export const PERSON = 15, DOG = 12, CAT = 8, SOFA = 18, VOID = 255;

export const MASK_GRIDS: Record<string, { legend: Legend; rows: string[] }> = {
  "2009_000001": {
    legend: { ".": [0, 0], P: [PERSON, 1], D: [DOG, 2], "#": [VOID, VOID] },
    rows: [
      "................",
      "....PPPP........",
      "...PPPPPP.......",
      "...PPPPPP.......",
      "..#PPPPPP#.DDDD.",
      "..#PPPPPP#.DDDDD",
      "..PPPPPPP#.DDDDD",
      "..PPPPPPP#.DDDDD",
      "...PPPPP#..DDDDD",
      "...PP.PP...DDDDD",
      "...PP.PP...DDDD.",
      "................",
    ],
  },
  "2009_000003": {
    // a, b: two cats (instances 1, 2); s: sofa pixels that are no object (instance 0); v: void in the class mask only.
    legend: { ".": [0, 0], a: [CAT, 1], b: [CAT, 2], s: [SOFA, 0], v: [VOID, 0] },
    rows: [
      "............",
      ".aaa....bbb.",
      ".aaa....bbb.",
      ".aaa....bbb.",
      "............",
      "ssssssvvssss",
      "ssssssvvssss",
      "............",
      "............",
      "............",
    ],
  },
};

export function gridIndices(rows: string[], legend: Legend, which: 0 | 1): Uint8Array {
  const w = rows[0].length;
  const out = new Uint8Array(w * rows.length);
  rows.forEach((r, y) => [...r].forEach((ch, x) => (out[y * w + x] = legend[ch][which])));
  return out;
}

export function countChars(rows: string[], chars: string): number {
  return rows.join("").split("").filter((c) => chars.includes(c)).length;
}

export function copyFixture(name: string): string {
  const dir = path.join(tempDir("slyconv-voc-"), name);
  fs.cpSync(path.join(FIXTURES, "voc", name), dir, { recursive: true });
  return dir;
}

export async function writeJpeg(file: string, width: number, height: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: "#808080" } }).jpeg().toFile(file);
}

/** The VOCdevkit fixture with its masks and JPEGs; returns the folder holding VOCdevkit/. */
export async function devkitFixture(): Promise<string> {
  const root = copyFixture("devkit");
  const voc = path.join(root, "VOCdevkit/VOC2012");
  for (const [id, { legend, rows }] of Object.entries(MASK_GRIDS)) {
    const w = rows[0].length, h = rows.length;
    for (const [dir, which] of [["SegmentationClass", 0], ["SegmentationObject", 1]] as const) {
      fs.mkdirSync(path.join(voc, dir), { recursive: true });
      fs.writeFileSync(path.join(voc, dir, `${id}.png`), encodePalettePng(w, h, gridIndices(rows, legend, which), VOC_COLORMAP));
    }
  }
  const sizes: Record<string, [number, number]> = { "2009_000001": [16, 12], "2009_000002": [20, 15], "2009_000003": [12, 10], "2009_000004": [8, 8] };
  for (const [id, [w, h]] of Object.entries(sizes)) await writeJpeg(path.join(voc, "JPEGImages", `${id}.jpg`), w, h);
  return root;
}
