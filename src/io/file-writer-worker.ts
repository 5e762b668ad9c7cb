/**
 * The thread behind FileWriterThread (file-writer.ts): creates the files it is sent, one batch at a time, with
 * synchronous calls (no thread-pool round trips, no contention between pool threads on one folder), serializing
 * packed JSON first. Replies with one result per job: null, or the error's code and message.
 */
import { parentPort } from "node:worker_threads";
import { writeFileSync } from "node:fs";
import { JsonWriter, type PackedMask } from "./canonical-json.js";
import { encodeBitmapData } from "../codecs/bitmap.js";
import { pythonJsonBytes } from "./python-json.js";
import type { FileBatch, FileJob, FileJobResult } from "./file-writer.js";

const json = new JsonWriter();
const NO_COORDS = new Float64Array(0);

/** `coords`, `masks`: this job's coordinates and masks (packed jobs). */
function run(job: FileJob, coords: Float64Array | null, masks: PackedMask[]): FileJobResult {
  try {
    let data: string | Uint8Array;
    if (job.kind === "packed") {
      json.reset();
      json.indentedPacked(job.skeleton, coords!, masks, encodeBitmapData);
      data = job.python ? pythonJsonBytes(json.view()) : json.view();
    } else data = job.data;
    // "wx": exclusive create, as the writers on the main thread do.
    writeFileSync(job.path, data, { flag: "wx" });
    return null;
  } catch (e) {
    return { code: (e as NodeJS.ErrnoException).code, message: (e as Error).message };
  }
}

parentPort!.on("message", ({ jobs, coords, maskBytes }: FileBatch) => {
  let at = 0, maskAt = 0;
  parentPort!.postMessage(jobs.map((job) => {
    if (job.kind !== "packed") return run(job, null, []);
    // A batch whose packed values hold no point list comes without coordinates.
    const mine = (coords ?? NO_COORDS).subarray(at, at + job.count);
    at += job.count;
    const masks: PackedMask[] = [];
    for (let k = 0; job.masks && k < job.masks.length; k += 3) {
      const [width, height, bytes] = [job.masks[k], job.masks[k + 1], job.masks[k + 2]];
      masks.push({ width, height, data: maskBytes!.subarray(maskAt, maskAt + bytes) });
      maskAt += bytes;
    }
    return run(job, mine, masks);
  }));
});
