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
