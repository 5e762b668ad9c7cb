/**
 * `slyconv merge` of VOC shard outputs: Annotations/, JPEGImages/ and the mask folders joined (an image listed in two
 * splits may be written by two shards, with the same bytes: it is one file, as in the single run); ImageSets written
 * again from every shard's entries in the run's order (so the lists, trainval and the per-class lists are the single
 * run's); labelmap.txt from the union of the classes, parts and actions the shards saw.
 */
import type { FormatContext, MergeFileOptions, ShardOutput } from "../../src/format.js";
import { SlyconvError } from "../../src/errors.js";
import { readSidecar } from "../../src/shard.js";
import { copyUnion } from "../../src/io/merge-tree.js";
import { SplitListWriter } from "./image-sets.js";
import { LABELMAP_FILE } from "./layout.js";
import { writeLabelmap, type VocShardLine, type VocShardState } from "./write.js";
import type { ClassIndexing } from "./write-masks.js";

function badShard(shard: ShardOutput, what: string): SlyconvError {
  return new SlyconvError("shard-invalid", `${shard.dir}: ${what}; was the shard output edited? Write that shard again`, { file: shard.dir }, 2);
}

function stateOf(shard: ShardOutput): VocShardState {
  const v = shard.manifest.state?.voc as VocShardState | undefined;
  if (!v || !Array.isArray(v.objectClasses) || !Array.isArray(v.maskClasses) || !Array.isArray(v.indexing)) throw badShard(shard, "its manifest has no VOC classes (state.voc)");
  return v;
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
  const lists = new SplitListWriter();
  for (const [, split, id, folders, classes] of entries) lists.add(split, id, folders, new Map(classes));

  await copyUnion(shards.map((s) => s.dir), outDir, { link: options.link, skip: (rel) => rel === LABELMAP_FILE || rel.startsWith("ImageSets/"), sameBytesAllowed: true });
  await lists.write(outDir, objectClasses.keys(), ctx.report);
  await writeLabelmap(outDir, { indexing, objectClasses, maskClasses }, ctx.report);
  ctx.report.count("items", shards.reduce((n, s) => n + s.manifest.items, 0));
}
