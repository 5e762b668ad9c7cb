/**
 * `slyconv merge` of YOLO shard outputs: images/ and labels/ joined (each file is one item's, written by one shard),
 * and one data.yaml whose splits are the single run's: every split any shard wrote, in the order the run first
 * reaches them (each shard records where each of its splits first appears). The rest of data.yaml (nc, names,
 * keypoints) comes from the project's classes and is the same in every shard.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { FormatContext, MergeFileOptions, ShardOutput } from "../../src/format.js";
import { SlyconvError } from "../../src/errors.js";
import { copyUnion } from "../../src/io/merge-tree.js";
import { replayNames } from "../../src/shard.js";
import { splitEntries, yamlText, yoloFileName, type YoloShardLine } from "./write.js";

const stemOf = (name: string) => (name.lastIndexOf(".") > 0 ? name.slice(0, name.lastIndexOf(".")) : name);

const isYoloLine = (l: unknown): l is YoloShardLine => Array.isArray(l) && l.length === 5 && typeof l[0] === "number" && l.slice(1).every((x) => typeof x === "string");

/**
 * Per shard, the image and label files the single run names differently: an image whose stem an earlier image of its
 * folder has gets a prefix (`dup_a.png`), and which one that is depends on the whole run's order.
 */
async function fileRenames(shards: readonly ShardOutput[], ctx: FormatContext): Promise<Map<string, string>[]> {
  const stems = new Set<string>();
  return replayNames(shards, "yolo.ndjson", isYoloLine, "[position, folder, prefix, name, written name]", ([, folder, prefix, name, written], rename) => {
    const final = yoloFileName(stems, folder, prefix, name);
    stems.add(`${folder}/${stemOf(final).toLowerCase()}`);
    if (final === written) return;
    if (final !== name) ctx.report.warn("yolo-name-collision", `${folder}/${name}: another image in this folder has the stem ${JSON.stringify(stemOf(name))}; written as ${final}`, { file: `${folder}/${name}` });
    rename(`images/${folder}/${written}`, `images/${folder}/${final}`);
    rename(`labels/${folder}/${stemOf(written)}.txt`, `labels/${folder}/${stemOf(final)}.txt`);
  });
}

const DATA_YAML = "data.yaml";

function splitsOf(shard: ShardOutput): [string, number][] {
  const list = (shard.manifest.state?.yolo as { splits?: unknown } | undefined)?.splits;
  if (!Array.isArray(list) || !list.every((x) => Array.isArray(x) && typeof x[0] === "string" && typeof x[1] === "number")) {
    throw new SlyconvError("shard-invalid", `${shard.dir}: its manifest has no YOLO splits (state.yolo.splits); was it edited? Write that shard again`, { file: shard.dir }, 2);
  }
  return list as [string, number][];
}

/** data.yaml as lines: its header comment, its split entries, and the rest (from `nc:` on). */
function partsOf(text: string, file: string): { header: string; splits: string; rest: string } {
  const firstBreak = text.indexOf("\n");
  const nc = text.search(/^nc:/m);
  if (firstBreak < 0 || nc < 0) throw new SlyconvError("shard-invalid", "data.yaml is not as slyconv writes it (a comment line, the splits, then nc:); was it edited?", { file }, 2);
  return { header: text.slice(0, firstBreak + 1), splits: text.slice(firstBreak + 1, nc), rest: text.slice(nc) };
}

export async function mergeYoloShards(shards: readonly ShardOutput[], outDir: string, ctx: FormatContext, options: MergeFileOptions = {}): Promise<void> {
  const first = new Map<string, number>();
  const yamls: { header: string; splits: string; rest: string }[] = [];
  for (const s of shards) {
    const file = path.join(s.dir, DATA_YAML);
    const own = splitsOf(s);
    const parts = partsOf(await fs.readFile(file, "utf8"), file);
    // The splice below rests on this: the shard's split lines are what splitEntries gives for its splits.
    if (parts.splits !== (await yamlText(splitEntries(own.map(([name]) => name))))) {
      throw new SlyconvError("shard-invalid", "the splits in data.yaml are not those its manifest lists; was it edited?", { file }, 2);
    }
    yamls.push(parts);
    for (const [name, at] of own) if (!(first.get(name)! <= at)) first.set(name, at);
  }
  for (const [i, y] of yamls.entries()) {
    if (y.header !== yamls[0].header || y.rest !== yamls[0].rest) {
      throw new SlyconvError("shards-of-different-runs", `data.yaml of ${shards[i].dir} has other classes or settings than ${shards[0].dir}'s: the shards were not written by one run`, { file: path.join(shards[i].dir, DATA_YAML) }, 2);
    }
  }
  const splits = [...first].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  const renames = await fileRenames(shards, ctx);
  await copyUnion(shards.map((s) => s.dir), outDir, { link: options.link, skip: (rel) => rel === DATA_YAML, renamed: (shard, rel) => renames[shard].get(rel) });
  await fs.writeFile(path.join(outDir, DATA_YAML), yamls[0].header + (await yamlText(splitEntries(splits))) + yamls[0].rest, { flag: "wx" });
  ctx.report.count("items", shards.reduce((n, s) => n + s.manifest.items, 0));
}
