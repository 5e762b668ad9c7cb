/**
 * The tiny files of issue 18 that used to take gigabytes, made in a few milliseconds: a PNG of 40000×40000 zeros
 * (1.5 MB, its deflate stream built by repeating one compressed block rather than by compressing 1.6 GB), an
 * annotation holding a 40000² bitmap, a COCO RLE of 50000², a YOLO label file of 5 million lines.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { crc32, encodeGrayPng } from "../../src/codecs/png-encode.js";

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A zlib stream of `total` zero bytes without compressing them all: once the window is full of zeros, the compressed
 * form of the next MiB of zeros (up to a sync flush) is the same bytes every time, so that block is repeated.
 */
export async function zlibOfZeros(total: number): Promise<Buffer> {
  const block = 1 << 20;
  const blocks = Math.floor(total / block);
  if (blocks < 3) return zlib.deflateSync(Buffer.alloc(total));
  const deflate = zlib.createDeflate({ level: 9, strategy: zlib.constants.Z_RLE });
  let pending: Buffer[] = [];
  deflate.on("data", (b: Buffer) => pending.push(b));
  const step = async (data: Buffer, flush: number): Promise<Buffer> => {
    deflate.write(data);
    await new Promise<void>((resolve) => deflate.flush(flush, () => resolve()));
    const out = Buffer.concat(pending);
    pending = [];
    return out;
  };
  const zeros = Buffer.alloc(block);
  const first = await step(zeros, zlib.constants.Z_SYNC_FLUSH);
  const steady = await step(zeros, zlib.constants.Z_SYNC_FLUSH);
  const again = await step(zeros, zlib.constants.Z_SYNC_FLUSH);
  if (!steady.equals(again)) throw new Error("zlibOfZeros: the repeated block is not stable");
  deflate.end(Buffer.alloc(total - blocks * block));
  await new Promise((resolve) => deflate.on("end", resolve));
  const tail = Buffer.concat(pending);
  const parts = [first, steady, again];
  for (let k = 3; k < blocks; k++) parts.push(steady);
  // The stream's own Adler-32 covers what it compressed; that of `total` zeros: a stays 1, b grows by 1 a byte.
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) * 65536) + 1) >>> 0, 0);
  return Buffer.concat([...parts, tail.subarray(0, tail.length - 4), adler]);
}

/** A PNG of width × height pixels, all 0: gray 8-bit (or palette 1-bit with [black, white]), no filter. */
export async function zeroPng(width: number, height: number, kind: "gray8" | "palette1" = "gray8"): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = kind === "gray8" ? 8 : 1;
  ihdr[9] = kind === "gray8" ? 0 : 3;
  const rowBytes = kind === "gray8" ? width : Math.ceil(width / 8);
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr)];
  if (kind === "palette1") {
    parts.push(chunk("PLTE", Buffer.from([0, 0, 0, 255, 255, 255])), chunk("tRNS", Buffer.from([0])));
  }
  parts.push(chunk("IDAT", await zlibOfZeros((rowBytes + 1) * height)), chunk("IEND", Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** The masks layout of the issue: images/a.png (a 4×4 stand-in) and masks/a.png of 40000×40000, classes.txt. */
export async function hugeMaskDataset(dir: string, side = 40000): Promise<string> {
  fs.mkdirSync(path.join(dir, "images"), { recursive: true });
  fs.mkdirSync(path.join(dir, "masks"), { recursive: true });
  fs.writeFileSync(path.join(dir, "masks", "a.png"), await zeroPng(side, side));
  fs.writeFileSync(path.join(dir, "classes.txt"), "background\ncat\n");
  return dir;
}

/** A VOC tree whose SegmentationClass/a.png is 40000×40000 (its XML says so too). */
export async function hugeVocClassMask(dir: string, side = 40000): Promise<string> {
  for (const d of ["Annotations", "SegmentationClass", "JPEGImages", "ImageSets/Segmentation"]) fs.mkdirSync(path.join(dir, d), { recursive: true });
  fs.writeFileSync(path.join(dir, "Annotations", "a.xml"),
    `<annotation><filename>a.jpg</filename><size><width>${side}</width><height>${side}</height><depth>3</depth></size><segmented>1</segmented>` +
    `<object><name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>10</xmax><ymax>10</ymax></bndbox></object></annotation>`);
  fs.writeFileSync(path.join(dir, "SegmentationClass", "a.png"), await zeroPng(side, side, "palette1"));
  fs.writeFileSync(path.join(dir, "ImageSets", "Segmentation", "train.txt"), "a\n");
  return dir;
}

/** A Supervisely project whose one annotation (about 4 KB) holds a bitmap of side × side. */
export async function hugeBitmapProject(dir: string, side = 40000): Promise<string> {
  fs.mkdirSync(path.join(dir, "ds", "ann"), { recursive: true });
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ classes: [{ title: "cat", shape: "bitmap", color: "#FF0000" }], tags: [], projectType: "images" }));
  const data = zlib.deflateSync(await zeroPng(side, side, "palette1"), { level: 9 }).toString("base64");
  fs.writeFileSync(path.join(dir, "ds", "ann", "a.png.json"), JSON.stringify({
    size: { width: side, height: side }, tags: [], description: "",
    objects: [{ classTitle: "cat", geometryType: "bitmap", tags: [], description: "", bitmap: { origin: [0, 0], data } }],
  }));
  return dir;
}

/** A COCO file (a few hundred bytes) whose one annotation is an RLE of `size` [h, w], every pixel set. */
export function hugeRleCoco(file: string, side = 50000): string {
  const counts = encodeCounts([0, side * side]);
  fs.writeFileSync(file, JSON.stringify({
    images: [{ id: 1, file_name: "a.png", width: side, height: side }],
    categories: [{ id: 1, name: "cat" }],
    annotations: [{ id: 1, image_id: 1, category_id: 1, iscrowd: 1, bbox: [0, 0, side, side], area: side * side, segmentation: { size: [side, side], counts } }],
  }));
  return file;
}

/** pycocotools' compressed counts (see src/codecs/coco-rle.ts), for two or three counts. */
function encodeCounts(counts: number[]): string {
  let out = "";
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i];
    if (i > 2) x -= counts[i - 2];
    for (;;) {
      const low = x - Math.floor(x / 32) * 32;
      x = Math.floor(x / 32);
      const more = low & 0x10 ? x !== -1 : x !== 0;
      out += String.fromCharCode(48 + (more ? low | 0x20 : low));
      if (!more) break;
    }
  }
  return out;
}

/** A YOLO dataset whose one label file holds `lines` boxes (5 million: 90 MB). */
export function hugeYoloLabels(dir: string, lines = 5_000_000): string {
  fs.mkdirSync(path.join(dir, "images"), { recursive: true });
  fs.mkdirSync(path.join(dir, "labels"), { recursive: true });
  fs.writeFileSync(path.join(dir, "data.yaml"), "names: [cat]\n");
  fs.writeFileSync(path.join(dir, "images", "a.png"), zeroPngSmall(640, 480));
  const line = "0 0.5 0.5 0.1 0.1\n";
  const fd = fs.openSync(path.join(dir, "labels", "a.txt"), "w");
  const batch = Buffer.from(line.repeat(100_000));
  for (let k = 0; k < Math.floor(lines / 100_000); k++) fs.writeSync(fd, batch);
  fs.writeSync(fd, line.repeat(lines % 100_000));
  fs.closeSync(fd);
  return dir;
}

/** A real small PNG (compressed the ordinary way). */
function zeroPngSmall(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.alloc((width + 1) * height))), chunk("IEND", Buffer.alloc(0))]);
}

/** Writes `total` bytes made of `unit` repeated (its last copy cut to fit), in blocks of about 8 MB. */
function writeRepeated(fd: number, unit: string, total: number): void {
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((8 << 20) / unit.length))));
  let left = total;
  while (left >= block.length) {
    fs.writeSync(fd, block);
    left -= block.length;
  }
  if (left > 0) fs.writeSync(fd, block.subarray(0, left));
}

/**
 * A YOLO dataset whose one label file is one line of `bytes` bytes: a class id and coordinates on and on (a file
 * made by a tool that forgot its newlines, or made to hurt).
 */
export function hugeYoloLine(dir: string, bytes: number): string {
  hugeYoloLabels(dir, 0);
  const fd = fs.openSync(path.join(dir, "labels", "a.txt"), "w");
  fs.writeSync(fd, "0");
  writeRepeated(fd, " 0.5", bytes - 1);
  fs.closeSync(fd);
  return dir;
}

/**
 * A COCO file on one line whose `annotations` (polygons of `vertices` vertices: 40 make about 430 bytes) all belong
 * to its one image: `count` of them (2.6 million of 40 vertices: 1.1 GB).
 */
export function cocoOneImage(file: string, count: number, vertices = 16): string {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, '{"images":[{"id":1,"file_name":"a.png","width":640,"height":480}],"categories":[{"id":1,"name":"cat"}],"annotations":[');
  const seg = Array.from({ length: vertices }, (_, k) => `${100 + (k % 4) * 10},${100 + Math.floor(k / 4) * 10}`).join(",");
  const batch = 10_000;
  for (let from = 0; from < count; from += batch) {
    const parts: string[] = [];
    for (let id = from + 1; id <= Math.min(count, from + batch); id++) {
      parts.push(`{"id":${id},"image_id":1,"category_id":1,"iscrowd":0,"area":900,"bbox":[100,100,30,30],"segmentation":[[${seg}]]}`);
    }
    fs.writeSync(fd, (from ? "," : "") + parts.join(","));
  }
  fs.writeSync(fd, "]}");
  fs.closeSync(fd);
  return file;
}

/**
 * A Supervisely project whose one annotation file is `bytes` bytes: a valid annotation whose description is
 * padded to that size (what a careless tool or a hostile file can hold).
 */
export function hugeSuperviselyAnnotation(dir: string, bytes: number): string {
  fs.mkdirSync(path.join(dir, "ds", "ann"), { recursive: true });
  fs.mkdirSync(path.join(dir, "ds", "img"), { recursive: true });
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ classes: [{ title: "cat", shape: "rectangle", color: "#FF0000" }], tags: [], projectType: "images" }));
  const head = '{"size":{"height":10,"width":10},"tags":[],"objects":[],"description":"';
  const fd = fs.openSync(path.join(dir, "ds", "ann", "a.png.json"), "w");
  fs.writeSync(fd, head);
  writeRepeated(fd, "d", bytes - head.length - 2);
  fs.writeSync(fd, '"}');
  fs.closeSync(fd);
  return dir;
}

/**
 * A Supervisely project whose one annotation (ds/ann/a.png.json) is `labels` polygons of `vertices` vertices each,
 * written compact (`[123,456],`: 10 bytes a vertex, so 133 polygons of 100,000 make 133 MB, under the file-size limit).
 */
export function superviselyPolygons(dir: string, labels: number, vertices: number): string {
  fs.mkdirSync(path.join(dir, "ds", "ann"), { recursive: true });
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ classes: [{ title: "cat", shape: "polygon", color: "#FF0000" }], tags: [], projectType: "images" }));
  const points = Array.from({ length: vertices }, (_, k) => `[${100 + (k % 800)},${100 + (Math.floor(k / 800) % 800)}]`).join(",");
  const label = `{"classTitle":"cat","tags":[],"points":{"exterior":[${points}],"interior":[]}}`;
  const fd = fs.openSync(path.join(dir, "ds", "ann", "a.png.json"), "w");
  fs.writeSync(fd, '{"size":{"height":1000,"width":1000},"tags":[],"objects":[');
  const batch = Math.max(1, Math.floor((8 << 20) / label.length));
  for (let from = 0; from < labels; from += batch) {
    fs.writeSync(fd, (from ? "," : "") + Array(Math.min(batch, labels - from)).fill(label).join(","));
  }
  fs.writeSync(fd, "]}");
  fs.closeSync(fd);
  return dir;
}

/**
 * A COCO file whose one image (a.png, 1000×1000) has `annotations` polygon annotations of `vertices` vertices each
 * (133 of 100,000, or 1 of 13,300,000: about 106 MB).
 */
export function cocoPolygons(file: string, annotations: number, vertices: number): string {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, '{"images":[{"id":1,"file_name":"a.png","width":1000,"height":1000}],"categories":[{"id":1,"name":"cat"}],"annotations":[');
  const block = 100_000;
  for (let id = 1; id <= annotations; id++) {
    fs.writeSync(fd, `${id > 1 ? "," : ""}{"id":${id},"image_id":1,"category_id":1,"iscrowd":0,"area":100,"bbox":[100,100,800,800],"segmentation":[[`);
    for (let from = 0; from < vertices; from += block) {
      const part: string[] = [];
      for (let k = from; k < Math.min(vertices, from + block); k++) part.push(`${100 + (k % 800)},${100 + (Math.floor(k / 800) % 800)}`);
      fs.writeSync(fd, (from ? "," : "") + part.join(","));
    }
    fs.writeSync(fd, "]]}");
  }
  fs.writeSync(fd, "]}");
  fs.closeSync(fd);
  return file;
}

/** A VOC folder whose one annotation (Annotations/a.xml) holds `objects` boxes (1.1 million: 120 MB). */
export function vocObjects(dir: string, objects: number): string {
  fs.mkdirSync(path.join(dir, "Annotations"), { recursive: true });
  const fd = fs.openSync(path.join(dir, "Annotations", "a.xml"), "w");
  fs.writeSync(fd, "<annotation><filename>a.jpg</filename><size><width>1000</width><height>1000</height><depth>3</depth></size>");
  const object = (k: number) => `<object><name>cat</name><bndbox><xmin>${(k % 900) + 1}</xmin><ymin>1</ymin><xmax>${(k % 900) + 10}</xmax><ymax>10</ymax></bndbox></object>`;
  for (let from = 0; from < objects; from += 10_000) {
    const part: string[] = [];
    for (let k = from; k < Math.min(objects, from + 10_000); k++) part.push(object(k));
    fs.writeSync(fd, part.join(""));
  }
  fs.writeSync(fd, "</annotation>");
  fs.closeSync(fd);
  return dir;
}

/**
 * A 10×10 gray PNG made `bytes` long by a tEXt chunk of zeros, written sparse (a 1.5 GB file takes a few KB of disk;
 * the chunk's CRC is not computed, so a reader that gets that far refuses it).
 */
export function sparsePng(file: string, bytes: number): void {
  const png = Buffer.from(encodeGrayPng(10, 10, new Uint8Array(100)));
  const iend = png.subarray(png.length - 12);
  const head = png.subarray(0, png.length - 12);
  const dataLength = bytes - png.length - 12;
  const chunkHead = Buffer.alloc(8);
  chunkHead.writeUInt32BE(dataLength, 0);
  chunkHead.write("tEXt", 4, "latin1");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, Buffer.concat([head, chunkHead, Buffer.from("Comment\0")]));
  fs.writeSync(fd, Buffer.concat([Buffer.alloc(4), iend]), 0, 16, head.length + 8 + dataLength);
  fs.closeSync(fd);
}
