/**
 * Shards (docs/scale-out.md): the hash is the published FNV-1a; N shards are disjoint and cover every item; merged,
 * they give the single run's project byte for byte; merge refuses a missing, duplicated or foreign shard.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importDataset } from "../../src/api.js";
import { mergeShards } from "../../src/merge.js";
import { fnv1a32, parseShardSpec, resolveShard, shardOf, SHARD_MANIFEST_FILE } from "../../src/shard.js";
import { FIXTURES, diffTrees, tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/cli.js";
import { SHARD_CASES, describeImportShards, itemsOf } from "./import-shards.js";

describe("the shard hash", () => {
  it("is FNV-1a 32 over UTF-8 (published test vectors)", async () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
    // UTF-8 bytes, not UTF-16 code units: "é" is 0xc3 0xa9.
    let h = 0x811c9dc5;
    for (const b of [0xc3, 0xa9]) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    expect(fnv1a32("é")).toBe(h);
  });

  it("puts an item in shard fnv1a32(dataset + '/' + item) mod N", async () => {
    expect(shardOf("train", "cat.jpg", 7)).toBe(fnv1a32("train/cat.jpg") % 7);
    expect(shardOf("a/b", "x.png", 1)).toBe(0);
  });
});

describe("shard options", () => {
  it("parses I/N and refuses anything else as a usage error", async () => {
    expect(parseShardSpec("2/8")).toEqual({ index: 2, count: 8 });
    expect(parseShardSpec("0/1")).toEqual({ index: 0, count: 1 });
    for (const bad of ["3/3", "0/0", "-1/2", "1", "a/b", "1/2/3", "1.5/4", ""]) {
      expect(() => parseShardSpec(bad), bad).toThrow(expect.objectContaining({ exitCode: 2 }));
    }
  });

  it("takes --shard, then SLYCONV_SHARD, then JOB_COMPLETION_INDEX with a count", async () => {
    expect(resolveShard({}, {})).toBeUndefined();
    expect(resolveShard({}, { JOB_COMPLETION_INDEX: "3" })).toBeUndefined();
    expect(resolveShard({ shard: "1/4" }, { SLYCONV_SHARD: "2/4" })).toEqual({ index: 1, count: 4 });
    expect(resolveShard({}, { SLYCONV_SHARD: "2/4" })).toEqual({ index: 2, count: 4 });
    expect(resolveShard({ shardCount: "5" }, { JOB_COMPLETION_INDEX: "4" })).toEqual({ index: 4, count: 5 });
    expect(resolveShard({}, { JOB_COMPLETION_INDEX: "0", SLYCONV_SHARD_COUNT: "2" })).toEqual({ index: 0, count: 2 });
    expect(() => resolveShard({ shardCount: "5" }, {})).toThrow(/needs the shard index/);
    expect(() => resolveShard({ shardCount: "5" }, { JOB_COMPLETION_INDEX: "5" })).toThrow(/below the shard count 5/);
    expect(() => resolveShard({ shardCount: "0" }, { JOB_COMPLETION_INDEX: "0" })).toThrow(/whole number of shards/);
    expect(() => resolveShard({ shard: "1/2", shardCount: "2" }, {})).toThrow(/leave out `shardCount`/);
  });

  it("the CLI exits 2 on a bad shard, on import, convert, export and validate", async () => {
    const out = path.join(tempDir(), "out");
    const coco = path.join(FIXTURES, "demo/coco-sample");
    for (const args of [["import", coco, out, "--shard", "2/2"], ["convert", coco, out, "--to", "yolo", "--shard", "x"], ["export", coco, out, "-f", "coco", "--shard", "1/0"], ["validate", coco, "--shard", "5/3"]]) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/--shard .*expected I\/N/);
    }
    const k = await runCli(["import", coco, out, "--shard-count", "2"], { env: { JOB_COMPLETION_INDEX: "2" } });
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/JOB_COMPLETION_INDEX "2": expected a whole number below the shard count 2/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describeImportShards(SHARD_CASES.map((c) => ({ ...c, counts: c.real ? [3] : [1, 2, 3, 7] })));

describe("merge refuses what is not one run's N shards", () => {
  const coco = () => path.join(FIXTURES, "demo/coco-sample");
  async function shardsOf(dir: string, n: number, runId?: string): Promise<string[]> {
    const outs = [];
    for (let i = 0; i < n; i++) {
      const out = path.join(dir, `${runId ?? "auto"}-${i}`);
      await importDataset(coco(), out, { shard: { index: i, count: n }, runId });
      outs.push(out);
    }
    return outs;
  }

  it("a missing, a duplicated, a foreign shard, a folder that is no shard (exit 2, nothing written)", async () => {
    const dir = tempDir();
    const [a, b, c] = await shardsOf(dir, 3);
    const [x] = await shardsOf(dir, 3, "other-run");
    const out = path.join(dir, "merged");
    await expect(mergeShards([a, c], out)).rejects.toMatchObject({ code: "shard-missing", exitCode: 2, message: expect.stringMatching(/has 3 shards; missing: 1\/3/) });
    await expect(mergeShards([a, b, b, c], out)).rejects.toMatchObject({ code: "shard-duplicated", exitCode: 2 });
    await expect(mergeShards([x, b, c], out)).rejects.toMatchObject({ code: "shards-of-different-runs", exitCode: 2, message: expect.stringMatching(/run other-run/) });
    const plain = path.join(dir, "plain");
    await importDataset(coco(), plain);
    await expect(mergeShards([plain], out)).rejects.toMatchObject({ code: "shard-manifest-missing", exitCode: 2 });
    expect(fs.existsSync(out)).toBe(false);
    // Through the CLI: one line, exit 2.
    const r = await runCli(["merge", a, c, out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^slyconv: run [0-9a-f]{16} has 3 shards; missing: 1\/3 .*\[shard-missing\]$/)]);
  });

  it("overlapping shards (an item in two) are refused with exit 1", async () => {
    const dir = tempDir();
    const [a, b] = await shardsOf(dir, 2);
    // Shard 1 given shard 0's item too, as a hand-edited or mis-run shard would.
    const ann = itemsOf(a)[0];
    const [ds, name] = [ann.slice(0, ann.lastIndexOf("/")), ann.slice(ann.lastIndexOf("/") + 1)];
    fs.copyFileSync(path.join(a, ds, "ann", `${name}.json`), path.join(b, ds, "ann", `${name}.json`));
    await expect(mergeShards([a, b], path.join(dir, "m"))).rejects.toMatchObject({ code: "shard-conflict", exitCode: 1 });
  });
});

describe("the CLI", () => {
  it("shards from the environment (Kubernetes Indexed Job) equal --shard, and merge joins them", async () => {
    const dir = tempDir();
    const coco = path.join(FIXTURES, "demo/coco-sample");
    expect((await runCli(["import", coco, path.join(dir, "single"), "-q"])).code).toBe(0);
    const outs = [0, 1].map((i) => path.join(dir, `s${i}`));
    expect((await runCli(["import", coco, outs[0], "-q", "--shard", "0/2"])).code).toBe(0);
    expect((await runCli(["import", coco, outs[1], "-q", "--shard-count", "2"], { env: { JOB_COMPLETION_INDEX: "1" } })).code).toBe(0);
    const env = path.join(dir, "env1");
    expect((await runCli(["import", coco, env, "-q"], { env: { SLYCONV_SHARD: "1/2" } })).code).toBe(0);
    expect(diffTrees(env, outs[1])).toEqual([]);
    const r = await runCli(["merge", ...outs, path.join(dir, "merged"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ command: "merge", format: "supervisely", shards: 2 });
    expect(diffTrees(path.join(dir, "single"), path.join(dir, "merged"))).toEqual([]);
  });
});
