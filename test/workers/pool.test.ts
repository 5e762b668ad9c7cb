import { describe, expect, it } from "vitest";
import { CpuPool, runCpuBatch } from "../../src/workers/pool.js";
import { encodeBitmapData } from "../../src/codecs/bitmap.js";

const mask = (w: number, h: number, seed: number) => ({
  width: w, height: h, data: Uint8Array.from({ length: w * h }, (_, i) => ((i * 2654435761 + seed) >>> 28) & 1),
});

describe("CPU worker pool", () => {
  it("runs codec tasks in worker threads with results identical to inline", async () => {
    const pool = new CpuPool(2);
    try {
      const masks = Array.from({ length: 20 }, (_, i) => mask(37 + i, 11 + i, i));
      const encoded = await Promise.all(masks.map((m) => pool.run("encodeBitmap", m)));
      expect(encoded).toEqual(masks.map((m) => encodeBitmapData(m)));
      const decoded = await Promise.all(encoded.map((d) => pool.run("decodeBitmap", d)));
      decoded.forEach((d, i) => expect(Buffer.from(d.data)).toEqual(Buffer.from(masks[i].data)));
    } finally {
      await pool.close();
    }
  });

  it("rethrows a task's error with its message", async () => {
    const pool = new CpuPool(1);
    try {
      await expect(pool.run("decodeBitmap", "!!!")).rejects.toThrow("bitmap data is not base64");
    } finally {
      await pool.close();
    }
  });

  it("runCpuBatch gives the same answers inline (small batch) and pooled (large batch)", async () => {
    const small = [mask(5, 5, 1), mask(6, 3, 2)].map((m) => [encodeBitmapData(m)] as [string]);
    const large = Array.from({ length: 32 }, (_, i) => [encodeBitmapData(mask(9, 9, i))] as [string]);
    const a = await runCpuBatch("bitmapPixelCount", small);
    const b = await runCpuBatch("bitmapPixelCount", large);
    expect(a.map((x) => x.width)).toEqual([5, 6]);
    expect(b.length).toBe(32);
    expect(b[3]).toEqual((await runCpuBatch("bitmapPixelCount", [large[3]]))[0]);
  });
});

describe("an idle pool", () => {
  it("does not keep the process alive (a process that made a pool and ran nothing exits)", async () => {
    const { spawnSync } = await import("node:child_process");
    const { pathToFileURL } = await import("node:url");
    const { REPO_ROOT } = await import("../helpers/paths.js");
    const pool = pathToFileURL(`${REPO_ROOT}/dist/src/workers/pool.js`).href;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", `const { CpuPool } = await import(${JSON.stringify(pool)}); new CpuPool(2); console.log("made");`], { timeout: 20_000, encoding: "utf8" });
    expect(r.stdout.trim()).toBe("made");
    expect(r.signal).toBeNull(); // killed by the timeout when the workers held the process
    expect(r.status).toBe(0);
  }, 30_000);
});

describe("builtWorkerScript", () => {
  it("finds the compiled worker in dist/ when running from the sources, and null for one not built", async () => {
    const { pathToFileURL } = await import("node:url");
    const path = await import("node:path");
    const { REPO_ROOT } = await import("../helpers/paths.js");
    const { builtWorkerScript } = await import("../../src/workers/script.js");
    const url = (rel: string) => pathToFileURL(path.join(REPO_ROOT, rel)).href;
    expect(builtWorkerScript(url("src/workers/pool.ts"), "cpu-worker.js")).toBe(`${REPO_ROOT}/dist/src/workers/cpu-worker.js`);
    expect(builtWorkerScript(url("src/io/file-writer.ts"), "file-writer-worker.js")).toBe(`${REPO_ROOT}/dist/src/io/file-writer-worker.js`);
    expect(builtWorkerScript(url("dist/formats/supervisely/packed-reader.js"), "read-worker.js")).toBe(`${REPO_ROOT}/dist/formats/supervisely/read-worker.js`);
    expect(builtWorkerScript(url("src/workers/pool.ts"), "no-such-worker.js")).toBeNull();
  });
});
