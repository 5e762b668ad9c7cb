import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { CpuPool, CpuTaskError, runCpuBatch } from "../../src/workers/pool.js";
import { cpuTask } from "../../src/workers/task.js";
import { decodeBitmapData, encodeBitmapData, encodeBitmapTask } from "../../src/codecs/bitmap.js";
import { REPO_ROOT, listFiles, tempDir } from "../helpers/paths.js";

const mask = (w: number, h: number, seed: number) => ({
  width: w, height: h, data: Uint8Array.from({ length: w * h }, (_, i) => ((i * 2654435761 + seed) >>> 28) & 1),
});

describe("CPU worker pool", () => {
  it("runs a task in worker threads (its module loaded there on first use) with results identical to inline", async () => {
    const pool = new CpuPool(2);
    try {
      const masks = Array.from({ length: 20 }, (_, i) => mask(37 + i, 11 + i, i));
      const encoded = await Promise.all(masks.map((m) => pool.run(encodeBitmapTask, m)));
      expect(encoded).toEqual(masks.map((m) => encodeBitmapData(m)));
      encoded.forEach((d, i) => expect(Buffer.from(decodeBitmapData(d).data)).toEqual(Buffer.from(masks[i].data)));
      expect(pool.tasksRun).toBe(20);
    } finally {
      await pool.close();
    }
  });

  it("a task whose module does not export it fails with CpuTaskError, and the worker goes on", async () => {
    const pool = new CpuPool(1);
    try {
      const missing = cpuTask(encodeBitmapTask.module, "noSuchFunction", () => 0);
      const err = await pool.run(missing).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(CpuTaskError);
      expect((err as Error).message).toMatch(/exports no function noSuchFunction$/);
      expect(await pool.run(encodeBitmapTask, mask(3, 2, 1))).toBe(encodeBitmapData(mask(3, 2, 1)));
    } finally {
      await pool.close();
    }
  });

  it("runCpuBatch gives the same answers inline (small batch) and pooled (large batch)", async () => {
    const small = [mask(5, 5, 1), mask(6, 3, 2)].map((m) => [m] as [typeof m]);
    const large = Array.from({ length: 32 }, (_, i) => [mask(9, 9, i)] as [ReturnType<typeof mask>]);
    expect(await runCpuBatch(encodeBitmapTask, small)).toEqual(small.map(([m]) => encodeBitmapData(m)));
    expect(await runCpuBatch(encodeBitmapTask, large)).toEqual(large.map(([m]) => encodeBitmapData(m)));
  });
});

describe("layers", () => {
  it("src/workers knows no format: formats declare their own tasks (cpuTask) and the worker loads their modules", () => {
    const dir = path.join(REPO_ROOT, "src/workers");
    for (const f of listFiles(dir).filter((x) => x.endsWith(".ts"))) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      expect(text, f).not.toMatch(/from\s+["'](\.\.\/)+formats\//);
      expect(text, f).not.toMatch(/import\(\s*["'](\.\.\/)+formats\//);
    }
  });
});

describe("an idle pool", () => {
  it("does not keep the process alive (a process that made a pool and ran nothing exits)", async () => {
    const { spawnSync } = await import("node:child_process");
    const { pathToFileURL } = await import("node:url");
    const pool = pathToFileURL(`${REPO_ROOT}/dist/src/workers/pool.js`).href;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", `const { CpuPool } = await import(${JSON.stringify(pool)}); new CpuPool(2); console.log("made");`], { timeout: 20_000, encoding: "utf8" });
    expect(r.stdout.trim()).toBe("made");
    expect(r.signal).toBeNull(); // killed by the timeout when the workers held the process
    expect(r.status).toBe(0);
  }, 30_000);

  it("a pool that ran a task exits too once the task is done", async () => {
    const { spawnSync } = await import("node:child_process");
    const { pathToFileURL } = await import("node:url");
    const pool = pathToFileURL(`${REPO_ROOT}/dist/src/workers/pool.js`).href;
    const bitmap = pathToFileURL(`${REPO_ROOT}/dist/src/codecs/bitmap.js`).href;
    const script = `const { CpuPool } = await import(${JSON.stringify(pool)}); const { encodeBitmapTask } = await import(${JSON.stringify(bitmap)});
      const s = await new CpuPool(2).run(encodeBitmapTask, { width: 2, height: 1, data: Uint8Array.of(1, 0) }); console.log(typeof s);`;
    // A file, not -e: a worker inherits the process's execArgv, and --input-type would stop it loading its script.
    const file = path.join(tempDir(), "run-one-task.mjs");
    fs.writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { timeout: 20_000, encoding: "utf8" });
    expect(r.stdout.trim(), r.stderr).toBe("string");
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
  }, 30_000);
});

describe("builtWorkerScript", () => {
  it("finds the compiled worker in dist/ when running from the sources, and null for one not built", async () => {
    const { pathToFileURL } = await import("node:url");
    const { builtWorkerScript } = await import("../../src/workers/script.js");
    const url = (rel: string) => pathToFileURL(path.join(REPO_ROOT, rel)).href;
    expect(builtWorkerScript(url("src/workers/pool.ts"), "cpu-worker.js")).toBe(`${REPO_ROOT}/dist/src/workers/cpu-worker.js`);
    expect(builtWorkerScript(url("src/io/file-writer.ts"), "file-writer-worker.js")).toBe(`${REPO_ROOT}/dist/src/io/file-writer-worker.js`);
    expect(builtWorkerScript(url("dist/formats/supervisely/packed-reader.js"), "read-worker.js")).toBe(`${REPO_ROOT}/dist/formats/supervisely/read-worker.js`);
    expect(builtWorkerScript(url("src/workers/pool.ts"), "no-such-worker.js")).toBeNull();
  });
});
