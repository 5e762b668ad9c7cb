/**
 * The YOLO writer's label files and VOC `--boxes-only` XML files are created on the main thread until that has cost
 * as much as a file-writer thread's start (FileCreationProbe, src/io/file-writer.ts), then from the thread: a large
 * export takes both paths. Here the clock is made slow so that the probe hands over after its first block, and the
 * files must be those of an export written on the main thread alone. Needs the built worker (`npm run build`).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Item, Project } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass } from "../../src/model/index.js";
import { writeDataset } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { FileCreationProbe, FileWriterThread } from "../../src/io/file-writer.js";
import { listFiles, tempDir } from "../helpers/paths.js";

const threads = os.availableParallelism() >= 2 && !process.env.SLYCONV_NO_WORKERS;

function project(items: number): Project {
  const meta = emptyProjectMeta();
  for (const t of ["car", "ümlaut class"]) ensureClass(meta, t, "any", { color: "#800000" });
  const list: Item[] = [];
  for (let i = 0; i < items; i++) {
    list.push({
      name: `img_${String(i).padStart(4, "0")}.jpg`,
      annotation: {
        size: { width: 640, height: 480 }, tags: [],
        labels: i % 7 === 3 ? [] : [
          { classTitle: "car", geometry: { type: "rectangle", left: i % 50, top: 3.5, right: 100 + (i % 13), bottom: 200.25 }, tags: [] },
          { classTitle: "ümlaut class", geometry: { type: "polygon", exterior: [[1, 2], [30.125, 4], [i % 40, 90]], interior: [] }, tags: [] },
        ],
      },
    });
  }
  return { meta, datasets: [{ name: "val", items: list, datasets: [] }] };
}

function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
}

describe.runIf(threads)("files created on the main thread, then from the file-writer thread", () => {
  afterEach(() => vi.restoreAllMocks());

  for (const [format, formatOptions] of [["yolo", { images: "none" }], ["voc", { boxesOnly: true }]] as const) {
    it(`${format}${format === "voc" ? " --boxes-only" : ""}: the same files either way`, async () => {
      const items = 3 * FileCreationProbe.BLOCK + 5;
      const started = vi.spyOn(FileWriterThread, "start");
      // A clock that does not move: every file on the main thread.
      vi.spyOn(performance, "now").mockReturnValue(0);
      const alone = path.join(tempDir(), format);
      await writeDataset(project(items), alone, { format, report: new Report(), formatOptions } as never);
      expect(started).not.toHaveBeenCalled();
      // Every file seems to take 10 ms: the first block hands over to the thread.
      let now = 0;
      vi.spyOn(performance, "now").mockImplementation(() => (now += 5));
      const handed = path.join(tempDir(), format);
      await writeDataset(project(items), handed, { format, report: new Report(), formatOptions } as never);
      expect(started).toHaveBeenCalledTimes(1);
      expect(started.mock.results[0].value).not.toBeNull();
      vi.restoreAllMocks();
      const a = filesOf(alone), b = filesOf(handed);
      expect(Object.keys(b).length).toBeGreaterThan(items);
      expect(b).toEqual(a);
    });
  }
});
