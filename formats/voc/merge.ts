/**
 * `slyconv merge` of VOC shard outputs: Annotations/, JPEGImages/ and the mask folders joined; ImageSets written
 * again from every shard's entries in the run's order (so the lists, trainval and the per-class lists are the single
 * run's); labelmap.txt from the union of the classes, parts and actions the shards saw.
 *
 * A VOC id is the image's stem, one namespace for the whole run: which item keeps it, which is written once for two
 * datasets (the same annotation and image) and which is renamed (`train_a`) depends on every item before it. Each
 * shard writes every item of its own under an id of its own and records it (sidecar voc-ids.ndjson); merge replays
 * the single run's choice in the run's order, leaves out the files of items the single run writes once, and renames
 * the others (the XML's <filename> too).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { FormatContext, MergeFileOptions, ShardOutput } from "../../src/format.js";
import { SlyconvError } from "../../src/errors.js";
import { readSidecar, replayNames } from "../../src/shard.js";
import { copyUnion } from "../../src/io/merge-tree.js";
import { mapConcurrent } from "../../src/io/concurrency.js";
import { sameFileBytes } from "../../src/io/image-file.js";
import { stemOf } from "../../src/io/paths.js";
import { SplitListWriter } from "./image-sets.js";
import { ANNOTATIONS_DIR, IMAGES_DIR, LABELMAP_FILE, SEGMENTATION_CLASS_DIR, SEGMENTATION_OBJECT_DIR } from "./layout.js";
import { collisionId, writeLabelmap, type VocIdLine, type VocShardLine, type VocShardState } from "./write.js";
import { renameXmlImage } from "./xml-write.js";
import type { ClassIndexing } from "./write-masks.js";

function badShard(shard: ShardOutput, what: string): SlyconvError {
  return new SlyconvError("shard-invalid", `${shard.dir}: ${what}; was the shard output edited? Write that shard again`, { file: shard.dir }, 2);
}

function stateOf(shard: ShardOutput): VocShardState {
  const v = shard.manifest.state?.voc as VocShardState | undefined;
  if (!v || !Array.isArray(v.objectClasses) || !Array.isArray(v.maskClasses) || !Array.isArray(v.indexing)) throw badShard(shard, "its manifest has no VOC classes (state.voc)");
  return v;
}

const isIdLine = (l: unknown): l is VocIdLine =>
  Array.isArray(l) && l.length === 7 && typeof l[0] === "number" && Array.isArray(l[1]) && l[1].every((x) => typeof x === "string") && [2, 3, 4, 5, 6].every((i) => typeof l[i] === "string");

/**
 * Per shard, the ids it wrote that the single run writes under another id (`to`) or not at all (`to` null), with the
 * extension of the item's image file name.
 */
type IdPlan = Map<string, { to: string | null; ext: string }>[];

/** An item the run writes under `id`: where its files are, for the items after it that may be the same. */
interface Written { fingerprint: string; image: string; shard: number; id: string; ext: string }

/**
 * The single run's ids, replayed as the writer gives them (formats/voc/write.ts): an item keeps its stem unless an
 * earlier item has that id; then it is the same item (same fingerprint and image: not written again) or renamed
 * `<dataset path>_<stem>` (`_2`, `_3`… while taken). Two images are the same when they are one file or links to one
 * URL, else when the files the shards wrote for them have the same bytes. Returns each shard's plan and the run's id
 * of every item whose id its shard's list entries do not already say.
 */
async function replayIds(shards: readonly ShardOutput[], ctx: FormatContext): Promise<{ plan: IdPlan; idAt: Map<number, string> }> {
  const plan: IdPlan = shards.map(() => new Map());
  const idAt = new Map<number, string>();
  const written = new Map<string, Written>();
  const imageFile = (w: { shard: number; id: string; ext: string }) => path.join(shards[w.shard].dir, IMAGES_DIR, w.id + w.ext);
  const sameImage = async (a: Written, b: Written): Promise<boolean> => {
    if (!a.image || !b.image) return !a.image && !b.image;
    if (a.image.startsWith("link:") || b.image.startsWith("link:")) return a.image === b.image;
    if (a.image.startsWith("file:") && a.image === b.image) return true;
    return sameFileBytes(imageFile(a), imageFile(b));
  };
  await replayNames(shards, "voc-ids.ndjson", isIdLine, "[position, dataset path, name, fingerprint, id, extension, image]", async (line, _rename, shard) => {
    const [position, dsPath, name, fingerprint, shardId, ext, image] = line;
    const item: Written = { fingerprint, image, shard, id: shardId, ext };
    let id = stemOf(name);
    const prev = written.get(id);
    if (prev?.fingerprint === fingerprint && (await sameImage(prev, item))) {
      plan[shard].set(shardId, { to: null, ext });
    } else {
      if (prev) id = collisionId(dsPath, name, written, ctx.report);
      written.set(id, item);
      if (id !== shardId) plan[shard].set(shardId, { to: id, ext });
    }
    if (id !== shardId) idAt.set(position, id);
  });
  return { plan, idAt };
}

export async function mergeVocShards(shards: readonly ShardOutput[], outDir: string, ctx: FormatContext, options: MergeFileOptions = {}): Promise<void> {
  const states = shards.map(stateOf);
  const indexingText = JSON.stringify(states[0].indexing);
  for (const [i, st] of states.entries()) {
    if (JSON.stringify(st.indexing) !== indexingText) throw new SlyconvError("shards-of-different-runs", `${shards[i].dir} has other class indices than ${shards[0].dir}: the shards were not written by one run`, {}, 2);
  }
  const objectClasses = new Map<string, { parts: Set<string>; actions: Set<string> }>();
  const maskClasses = new Set<string>();
  for (const st of states) {
    for (const [name, parts, actions] of st.objectClasses) {
      const c = objectClasses.get(name) ?? { parts: new Set<string>(), actions: new Set<string>() };
      objectClasses.set(name, c);
      for (const p of parts) c.parts.add(p);
      for (const a of actions) c.actions.add(a);
    }
    for (const m of st.maskClasses) maskClasses.add(m);
  }
  const indexing: ClassIndexing = { indexOf: new Map(), palette: Array.from({ length: 256 }, () => [0, 0, 0]) };
  for (const [name, index, rgb] of states[0].indexing) {
    indexing.indexOf.set(name, index);
    indexing.palette[index] = rgb;
  }

  // The lists hold one entry per image and split, as the single run keeps them: read whole, put in the run's order.
  const entries: VocShardLine[] = [];
  for (const s of shards) {
    for await (const line of readSidecar(s.dir, "voc.ndjson")) {
      const l = line as VocShardLine;
      if (!Array.isArray(l) || typeof l[0] !== "number" || typeof l[1] !== "string" || typeof l[2] !== "string" || !Array.isArray(l[3]) || !Array.isArray(l[4])) throw badShard(s, "a line of .slyconv-shard/voc.ndjson is not [position, split, id, folders, classes]");
      entries.push(l);
    }
  }
  entries.sort((a, b) => a[0] - b[0]);
  const { plan, idAt } = await replayIds(shards, ctx);
  const lists = new SplitListWriter();
  for (const [position, split, id, folders, classes] of entries) lists.add(split, idAt.get(position) ?? id, folders, new Map(classes));

  // An item's files under the id its shard gave it: left out (the single run writes it once, from another shard's
  // files), or moved to the run's id; its XML, whose <filename> names the image, is written again below.
  const left = shards.map(() => new Set<string>());
  const moved = shards.map(() => new Map<string, string>());
  const rewritten: { shard: number; from: string; to: string; ext: string }[] = [];
  for (const [shard, ids] of plan.entries()) {
    for (const [id, { to, ext }] of ids) {
      left[shard].add(`${ANNOTATIONS_DIR}/${id}.xml`);
      const files = [[IMAGES_DIR, ext], [SEGMENTATION_CLASS_DIR, ".png"], [SEGMENTATION_OBJECT_DIR, ".png"]];
      for (const [dir, e] of files) {
        if (to === null) left[shard].add(`${dir}/${id}${e}`);
        else moved[shard].set(`${dir}/${id}${e}`, `${dir}/${to}${e}`);
      }
      if (to !== null) rewritten.push({ shard, from: id, to, ext });
    }
  }
  await copyUnion(shards.map((s) => s.dir), outDir, {
    link: options.link,
    skip: (rel, shard) => rel === LABELMAP_FILE || rel.startsWith("ImageSets/") || left[shard].has(rel),
    renamed: (shard, rel) => moved[shard].get(rel),
  });
  for await (const _ of mapConcurrent(rewritten, 16, async ({ shard, from, to, ext }) => {
    const file = path.join(shards[shard].dir, ANNOTATIONS_DIR, `${from}.xml`);
    const text = renameXmlImage(await fs.readFile(file, "utf8"), from + ext, to + ext);
    if (text === undefined) throw badShard(shards[shard], `${ANNOTATIONS_DIR}/${from}.xml has no <filename>${from}${ext}</filename>`);
    await fs.writeFile(path.join(outDir, ANNOTATIONS_DIR, `${to}.xml`), text, { flag: "wx" });
  })) { /* written */ }
  await lists.write(outDir, objectClasses.keys(), ctx.report);
  await writeLabelmap(outDir, { indexing, objectClasses, maskClasses }, ctx.report);
  ctx.report.count("items", shards.reduce((n, s) => n + s.manifest.items, 0));
}
