/**
 * The file-writer thread (src/io/file-writer.ts), started ahead of need or not: it creates each file with the bytes
 * of JSON.stringify(value, null, 4) (point lists packed, a mask encoded when the value is built), and refuses to
 * overwrite. Needs the
 * built worker (dist/src/io/file-writer-worker.js: `npm run build`).
 */
import { describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FileCreationProbe, FileWriterThread } from "../../src/io/file-writer.js";
import { bitmapEncodedOnRead, encodeBitmapData } from "../../src/codecs/bitmap.js";
import { annotationToJson } from "../../formats/supervisely/json-model.js";
import { emptyProjectMeta, type Annotation, type Project } from "../../src/model/index.js";
import { writeProject } from "../../src/api.js";
import { tempDir } from "../helpers/paths.js";

const threads = os.availableParallelism() >= 2 && !process.env.SLYCONV_NO_WORKERS;

function annotation(): Annotation {
  const mask = { width: 9, height: 4, data: Uint8Array.from({ length: 36 }, (_, i) => (i % 5 === 0 ? 1 : 0)) };
  return {
    size: { width: 20, height: 10 }, tags: [],
    labels: [
      { classTitle: "m", geometry: bitmapEncodedOnRead([2, 3], mask), tags: [] },
      { classTitle: "p", geometry: { type: "polygon", exterior: [[1.25, 2], [3, 4.5], [5, 1]], interior: [[[2, 2], [3, 2], [3, 3]]] }, tags: [] },
    ],
  };
}

describe.runIf(threads)("file-writer thread", () => {
  for (const prestarted of [true, false]) {
    it(`${prestarted ? "started ahead" : "started when needed"}: writes packed annotations byte for byte`, async () => {
      const dir = tempDir("slyconv-file-writer-");
      if (prestarted) FileWriterThread.prestart();
      const files = FileWriterThread.start()!;
      expect(files).not.toBeNull();
      try {
        const anns = [annotation(), annotation()];
        await Promise.all(anns.map((a, i) => files.writeJson(path.join(dir, `${i}.json`), (lists) => annotationToJson(a, lists))));
        for (const [i, a] of anns.entries()) {
          const text = fs.readFileSync(path.join(dir, `${i}.json`), "utf8");
          expect(text).toBe(JSON.stringify(annotationToJson(a), null, 4));
          expect(JSON.parse(text).objects[0].bitmap.data).toBe(encodeBitmapData({ width: 9, height: 4, data: Uint8Array.from({ length: 36 }, (_, k) => (k % 5 === 0 ? 1 : 0)) }));
        }
        await expect(files.writeJson(path.join(dir, "0.json"), () => ({ a: 1 }))).rejects.toMatchObject({ code: "EEXIST" });
      } finally {
        await files.close();
        await FileWriterThread.discardPrestarted();
      }
    });
  }

  it("a thread started ahead and not taken is stopped", async () => {
    FileWriterThread.prestart();
    await FileWriterThread.discardPrestarted();
    // The next start makes a new one, which works.
    const files = FileWriterThread.start()!;
    const dir = tempDir("slyconv-file-writer-");
    try {
      await files.write(path.join(dir, "x.txt"), "x");
      expect(fs.readFileSync(path.join(dir, "x.txt"), "utf8")).toBe("x");
    } finally {
      await files.close();
    }
  });
});

describe("Supervisely writer: a streamed dataset", () => {
  const items = (n: number) => async function* () {
    for (let i = 0; i < n; i++) {
      yield { name: `img_${String(i).padStart(4, "0")}.jpg`, annotation: { size: { width: 10, height: 10 }, tags: [], labels: [{ classTitle: "c", geometry: { type: "polygon" as const, exterior: [[1, 1], [5, 1.5], [i % 9, 9]] as [number, number][], interior: [] }, tags: [] }] } };
    }
  };
  const project = (n: number): Project => ({ meta: { ...emptyProjectMeta(), classes: [{ title: "c", shape: "polygon", color: "#FF0000" }] }, datasets: [{ name: "ds", items: items(n), datasets: [] }] });

  for (const n of [5, 64, 65, 200]) {
    it(`of ${n} items: its first 64 written on the main thread, the thread started only for more; every file as JSON.stringify writes it`, async () => {
      const out = path.join(tempDir("slyconv-streamed-"), "p");
      const start = vi.spyOn(FileWriterThread, "start");
      try {
        const { items: written } = await writeProject(project(n), out, { images: "none" });
        expect(written).toBe(n);
        expect(start).toHaveBeenCalledTimes(n > 64 ? 1 : 0);
      } finally {
        start.mockRestore();
      }
      const names = fs.readdirSync(path.join(out, "ds", "ann")).sort();
      expect(names.length).toBe(n);
      for await (const item of items(n)()) {
        expect(fs.readFileSync(path.join(out, "ds", "ann", `${item.name}.json`), "utf8")).toBe(JSON.stringify(annotationToJson(item.annotation), null, 4));
      }
    });
  }
});

describe("file creation probe", () => {
  const { BLOCK, BLOCKS } = FileCreationProbe;

  it("creates each file with its bytes, refuses to overwrite, and on a fast file system never asks for the thread", () => {
    const dir = tempDir("slyconv-file-probe-");
    const probe = new FileCreationProbe();
    // A clock that never moves: every block took no time (a fast file system, whatever this machine's disk is).
    const clock = vi.spyOn(performance, "now").mockReturnValue(0);
    try {
      for (let i = 0; i < BLOCK * BLOCKS + 10; i++) {
        expect(probe.create(path.join(dir, `${i}.txt`), i % 2 ? `text ${i}\n` : Buffer.from(`bytes ${i}\n`))).toBe(false);
      }
    } finally {
      clock.mockRestore();
    }
    expect(fs.readFileSync(path.join(dir, "7.txt"), "utf8")).toBe("text 7\n");
    expect(fs.readFileSync(path.join(dir, "8.txt"), "utf8")).toBe("bytes 8\n");
    expect(() => probe.create(path.join(dir, "7.txt"), "again")).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(fs.readFileSync(path.join(dir, "7.txt"), "utf8")).toBe("text 7\n");
  });

  it("asks for the thread once, after the probe, when even the fastest block was slow; one fast block is enough to stay", () => {
    const run = (msPerFile: (block: number) => number) => {
      const dir = tempDir("slyconv-file-probe-");
      let now = 0, n = 0;
      const clock = vi.spyOn(performance, "now").mockImplementation(() => {
        // Called before and after each file: the time passes during the file's creation.
        const t = now;
        if (n++ % 2 === 0) now += msPerFile(Math.floor((n - 1) / 2 / BLOCK));
        return t;
      });
      try {
        const asked: number[] = [];
        for (let i = 0; i < BLOCK * BLOCKS + 5; i++) if (probe(dir, i)) asked.push(i);
        return asked;
      } finally {
        clock.mockRestore();
      }
    };
    let current: FileCreationProbe;
    const probe = (dir: string, i: number) => {
      if (i === 0) current = new FileCreationProbe();
      return current.create(path.join(dir, `${i}.txt`), "x");
    };
    expect(run(() => 1)).toEqual([BLOCK * BLOCKS - 1]);
    expect(run((block) => (block === 3 ? 0.001 : 1))).toEqual([]);
  });
});
