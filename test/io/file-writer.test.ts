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
  const { THREAD_START_MS, BLOCK } = FileCreationProbe;

  /** Runs `files` creations with each taking `msPerFile(i)` on a stubbed clock; the files after which the probe said to take the thread. */
  function run(files: number, msPerFile: (i: number) => number): number[] {
    const dir = tempDir("slyconv-file-probe-");
    const probe = new FileCreationProbe();
    let now = 0, calls = 0, file = 0;
    const clock = vi.spyOn(performance, "now").mockImplementation(() => {
      // Called before and after each file: the time passes during the file's creation.
      if (calls++ % 2 === 1) now += msPerFile(file++);
      return now;
    });
    try {
      const asked: number[] = [];
      for (let i = 0; i < files; i++) if (probe.create(path.join(dir, `${i}.txt`), "x")) asked.push(i);
      return asked;
    } finally {
      clock.mockRestore();
    }
  }

  it("creates each file with its bytes and refuses to overwrite", () => {
    const dir = tempDir("slyconv-file-probe-");
    const probe = new FileCreationProbe();
    for (let i = 0; i < 10; i++) probe.create(path.join(dir, `${i}.txt`), i % 2 ? `text ${i}\n` : Buffer.from(`bytes ${i}\n`));
    expect(fs.readFileSync(path.join(dir, "7.txt"), "utf8")).toBe("text 7\n");
    // Text is written as UTF-8, longer text than the buffer it goes through included.
    const long = `<name>ümlaut 日本 ${"x".repeat(100_000)}</name>\n`;
    probe.create(path.join(dir, "long.xml"), long);
    probe.create(path.join(dir, "short.xml"), "<name>é</name>");
    expect(fs.readFileSync(path.join(dir, "long.xml"), "utf8")).toBe(long);
    expect(fs.readFileSync(path.join(dir, "short.xml"), "utf8")).toBe("<name>é</name>");
    expect(fs.readFileSync(path.join(dir, "8.txt"), "utf8")).toBe("bytes 8\n");
    expect(() => probe.create(path.join(dir, "7.txt"), "again")).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(fs.readFileSync(path.join(dir, "7.txt"), "utf8")).toBe("text 7\n");
  });

  it("says to take the thread once, at the end of the block whose files have cost as much as the thread's start", () => {
    // About 8 µs a file (tmpfs; 1/128 ms, exact in binary): 6,000 files stay here; the block that passes
    // THREAD_START_MS asks for the thread, at its last file.
    const fast = 1 / 128;
    expect(run(6000, () => fast)).toEqual([]);
    const blocks = Math.floor(THREAD_START_MS / fast / BLOCK) + 1;
    expect(run(9000, () => fast)).toEqual([blocks * BLOCK - 1]);
    // A slow disk (1 ms a file) asks at the end of its second block.
    expect(run(200, () => 1)).toEqual([2 * BLOCK - 1]);
  });

  it("takes each block's fastest file for the cost of its files: time the thread was not running is no cost of the file system's", () => {
    // One file in 8 held up 5 ms (the thread lost its core): still about 8 µs a file.
    expect(run(6000, (i) => (i % 8 === 3 ? 5 : 1 / 128))).toEqual([]);
  });
});
