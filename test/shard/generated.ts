/**
 * Generated inputs for the shard tests, made from a seed: a Supervisely project (datasets with a nested one, boxes,
 * polygons, points, tags, link items) and a COCO file with the quirks whose ids merge must give as the single run
 * does (image and annotation ids used twice, images without ids, one file_name for two images, captions, keypoints).
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return (s >>> 8) / 2 ** 24;
  };
}

const write = (file: string, value: unknown) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 4));
};

/**
 * A Supervisely project of `items` items over train, val and train's nested dataset `hard`, every fourth a link
 * item, the others with a small PNG image; returns its folder.
 */
export async function generatedProject(dir: string, seed = 1, items = 40): Promise<string> {
  const rand = random(seed);
  const int = (n: number) => Math.floor(rand() * n);
  write(path.join(dir, "meta.json"), {
    classes: [
      { title: "box", shape: "rectangle", color: "#FF0000", geometry_config: {} },
      { title: "area", shape: "polygon", color: "#00FF00", geometry_config: {} },
      { title: "spot", shape: "point", color: "#0000FF", geometry_config: {} },
    ],
    tags: [
      { name: "weather", value_type: "oneof_string", color: "#FFFF00", values: ["sun", "rain"] },
      { name: "difficult", value_type: "none", color: "#00FFFF", applicable_type: "objectsOnly" },
    ],
    projectType: "images",
  });
  const datasets = ["train", "val", "train/datasets/hard"];
  for (let i = 0; i < items; i++) {
    const ds = datasets[i % 7 === 6 ? 2 : i % 3 === 2 ? 1 : 0];
    const name = `img_${String(i).padStart(3, "0")}.png`;
    const width = 200 + int(300), height = 150 + int(200);
    const objects = [];
    for (let k = int(5); k > 0; k--) {
      const x = int(width - 40), y = int(height - 40);
      const kind = int(3);
      const tags = rand() < 0.2 ? [{ name: "difficult", value: null }] : [];
      if (kind === 0) objects.push({ classTitle: "box", geometryType: "rectangle", tags, points: { exterior: [[x, y], [x + 10 + int(30), y + 10 + int(30)]], interior: [] } });
      else if (kind === 1) objects.push({ classTitle: "area", geometryType: "polygon", tags, points: { exterior: [[x, y], [x + 30, y + int(10)], [x + int(30), y + 35]], interior: [] } });
      else objects.push({ classTitle: "spot", geometryType: "point", tags, points: { exterior: [[x, y]], interior: [] } });
    }
    const tags = rand() < 0.5 ? [{ name: "weather", value: rand() < 0.5 ? "sun" : "rain" }] : [];
    write(path.join(dir, ds, "ann", `${name}.json`), { description: "", tags, size: { height, width }, objects });
    if (i % 4 === 3) write(path.join(dir, ds, "img_info", `${name}.json`), { link: `https://example.com/images/${name}` });
    else {
      fs.mkdirSync(path.join(dir, ds, "img"), { recursive: true });
      const png = await sharp({ create: { width, height, channels: 3, background: { r: int(256), g: int(256), b: int(256) } } }).png().toBuffer();
      fs.writeFileSync(path.join(dir, ds, "img", name), png);
    }
  }
  for (const ds of datasets) fs.mkdirSync(path.join(dir, ds, "img"), { recursive: true });
  return dir;
}

/** A COCO instances file (plus captions and keypoints files) in `dir`/annotations; returns `dir`. */
export function generatedCoco(dir: string, seed = 2, images = 30): string {
  const rand = random(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const imageList = [];
  const annotations = [];
  const captions = [];
  const keypointAnns = [];
  let annId = 500;
  for (let i = 0; i < images; i++) {
    // Ids: mostly unique, some used twice, one left out; one file name given to two images.
    const id = i === 7 ? undefined : i === 12 ? 1003 : 1000 + i;
    const fileName = i === 20 ? "img_5.jpg" : `img_${i}.jpg`;
    const width = 320 + int(200), height = 240 + int(100);
    imageList.push({ ...(id === undefined ? {} : { id }), file_name: fileName, width, height, license: 1 });
    if (id === undefined) continue;
    for (let k = int(4); k > 0; k--) {
      const x = int(width - 50), y = int(height - 50), w = 10 + int(40), h = 10 + int(40);
      annotations.push({ id: rand() < 0.05 ? 500 : annId++, image_id: id, category_id: 1 + int(2), segmentation: [[x, y, x + w, y, x + w, y + h, x, y + h]], area: w * h, bbox: [x, y, w, h], iscrowd: 0 });
    }
    if (i % 3 === 0) {
      const x = int(width - 50), y = int(height - 50);
      keypointAnns.push({ id: 9000 + i, image_id: id, category_id: 3, segmentation: [], area: 100, bbox: [x, y, 20, 20], iscrowd: 0, num_keypoints: 2, keypoints: [x, y, 2, x + 10, y + 10, 2] });
    }
    if (i % 4 === 0) captions.push({ id: 7000 + i, image_id: id, caption: `picture ${i}, "quoted"` });
  }
  const top = { info: { description: "generated", version: "1.0" }, licenses: [{ id: 1, name: "test" }] };
  const categories = [{ id: 1, name: "cat", supercategory: "animal" }, { id: 2, name: "dog", supercategory: "animal" }];
  write(path.join(dir, "annotations", "instances_gen.json"), { ...top, images: imageList, annotations, categories });
  write(path.join(dir, "annotations", "person_keypoints_gen.json"), {
    ...top, images: imageList, annotations: keypointAnns,
    categories: [{ id: 3, name: "person", supercategory: "person", keypoints: ["left_eye", "right_eye"], skeleton: [[1, 2]] }],
  });
  write(path.join(dir, "annotations", "captions_gen.json"), { ...top, images: imageList, annotations: captions });
  return dir;
}

/**
 * A project where VOC ids collide across datasets and shards: ds holds x.PNG, x.jpg and x.png for several x (one id,
 * three items: kept, `ds_x`, `ds_x_2`); ds2 holds x.PNG again with the same annotation and image bytes (written once),
 * x.png with the same annotation and another image (`ds2_x`), and ds_x.jpg, whose stem ds/x.png's new id took
 * (`ds2_ds_x`). Every image is a file; the .png items have a polygon, so they have masks.
 */
export async function vocIdCollisionsProject(p: string): Promise<string> {
  const png = (shade: number) => sharp({ create: { width: 20, height: 20, channels: 3, background: { r: shade, g: 0, b: 0 } } }).png().toBuffer();
  fs.mkdirSync(p, { recursive: true });
  fs.writeFileSync(path.join(p, "meta.json"), JSON.stringify({
    classes: [{ title: "box", shape: "rectangle", color: "#FF0000" }, { title: "blob", shape: "polygon", color: "#00FF00" }], tags: [],
  }));
  const write = async (ds: string, name: string, k: number, shade: number) => {
    fs.mkdirSync(path.join(p, ds, "img"), { recursive: true });
    fs.mkdirSync(path.join(p, ds, "ann"), { recursive: true });
    const objects: unknown[] = [{ classTitle: "box", geometryType: "rectangle", tags: [], points: { exterior: [[k, 1], [k + 5, 9]], interior: [] } }];
    if (name.endsWith(".png")) objects.push({ classTitle: "blob", geometryType: "polygon", tags: [], points: { exterior: [[2, 2], [12, 3], [7, 11 + (k % 5)]], interior: [] } });
    fs.writeFileSync(path.join(p, ds, "ann", `${name}.json`), JSON.stringify({ tags: [], size: { width: 20, height: 20 }, objects }));
    fs.writeFileSync(path.join(p, ds, "img", name), await png(shade));
  };
  const xs = ["a", "b", "c", "d", "e", "f", "g", "h"];
  for (const [i, x] of xs.entries()) {
    for (const [k, ext] of ["jpg", "png", "PNG"].entries()) await write("ds", `${x}.${ext}`, 3 * i + k, 10 * i + k);
    await write("ds2", `${x}.PNG`, 3 * i + 2, 10 * i + 2);
    await write("ds2", `${x}.png`, 3 * i + 1, 200 + i);
    await write("ds2", `ds_${x}.jpg`, i, 100 + i);
  }
  return p;
}

/**
 * VOC inputs in the layouts whose datasets the reader names itself, made from a VOC folder (`voc`, as the writer
 * writes it): a VOCdevkit with two years (datasets `VOC2007/train`, …), the second with a class of its own in every
 * fourth annotation (classes first seen late in the run), and Roboflow's flat split folders (`train/`, `valid/`).
 */
export function vocLayouts(voc: string, dir: string): { devkit: string; roboflow: string } {
  const devkit = path.join(dir, "devkit"), roboflow = path.join(dir, "roboflow");
  for (const year of ["VOC2007", "VOC2012"]) fs.cpSync(voc, path.join(devkit, "VOCdevkit", year), { recursive: true });
  const annotations = path.join(devkit, "VOCdevkit", "VOC2012", "Annotations");
  for (const [i, f] of fs.readdirSync(annotations).sort().entries()) {
    if (i % 4 !== 1) continue;
    const file = path.join(annotations, f);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/<name>[^<]*<\/name>/, `<name>late_${path.basename(f, ".xml")}</name>`));
  }
  const images = fs.readdirSync(path.join(voc, "JPEGImages"));
  for (const [i, f] of fs.readdirSync(path.join(voc, "Annotations")).sort().entries()) {
    const id = path.basename(f, ".xml");
    const split = path.join(roboflow, i % 3 === 0 ? "valid" : "train");
    fs.mkdirSync(split, { recursive: true });
    fs.copyFileSync(path.join(voc, "Annotations", f), path.join(split, f));
    for (const img of images.filter((x) => x.slice(0, x.lastIndexOf(".")) === id)) fs.copyFileSync(path.join(voc, "JPEGImages", img), path.join(split, img));
  }
  return { devkit, roboflow };
}
