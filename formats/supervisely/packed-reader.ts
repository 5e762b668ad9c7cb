/**
 * Main-thread side of the annotation-reading thread (read-worker.ts): batches of annotation files go out, packed
 * annotations come back in order. One thread for the process, started on first use and unref'd while idle, so it
 * never keeps the process alive. Without it (a single core, SLYCONV_NO_WORKERS, running from sources) the reader
 * reads files itself.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { builtWorkerScript } from "../../src/workers/script.js";
import { PackedPoints, type PackedLists } from "./packed.js";
import type { ReadReply, ReadRequest } from "./read-worker.js";
import { annotationFromJson } from "./json-model.js";
import type { Annotation, ProjectMeta } from "../../src/model/index.js";

/** One file of a batch: its skeleton and lists, or null (read it on this thread). */
export interface PackedFile {
  skeleton: string;
  points: PackedPoints;
}

class ReadWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (r: ReadReply | null) => void>();
  private nextId = 1;
  broken = false;

  constructor(script: string) {
    this.worker = new Worker(script);
    this.worker.on("message", (r: ReadReply) => {
      const done = this.pending.get(r.id);
      this.pending.delete(r.id);
      if (this.pending.size === 0) this.worker.unref();
      done?.(r);
    });
    const fail = () => {
      this.broken = true;
      for (const done of this.pending.values()) done(null);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", fail);
    // After the listeners (adding a message listener refs the worker again): idle, it keeps nothing alive.
    this.worker.unref();
  }

  /** The files packed, in order; null entries (or all, when the thread is gone) are to be read here. */
  read(paths: string[]): Promise<(PackedFile | null)[]> {
    if (this.broken) return Promise.resolve(paths.map(() => null));
    const id = this.nextId++;
    return new Promise((resolve) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, (r) => resolve(r ? unbatch(r) : paths.map(() => null)));
      const request: ReadRequest = { id, paths };
      this.worker.postMessage(request);
    });
  }
}

function unbatch(r: ReadReply): (PackedFile | null)[] {
  const lists: PackedLists = { coords: r.coords, starts: r.starts, counts: r.counts };
  const text = Buffer.from(r.skeletons.buffer, r.skeletons.byteOffset, r.skeletons.length);
  const out = new Array<PackedFile | null>(r.firsts.length);
  for (let i = 0; i < out.length; i++) {
    const start = r.skeletonStarts[i];
    out[i] = start < 0 ? null : {
      skeleton: text.toString(r.utf8[i] ? "utf8" : "latin1", start, r.skeletonEnds[i]),
      points: new PackedPoints(lists, r.firsts[i], r.lists[i]),
    };
  }
  return out;
}

/** The built reading thread; none when running from the sources (the reader then reads on this thread). */
function builtReaderScript(): string | null {
  return import.meta.url.endsWith(".ts") ? null : builtWorkerScript(import.meta.url, "read-worker.js");
}

let shared: ReadWorker | null | undefined;

/** The process's reading thread, or null when there is none to have. */
export function readWorker(): ReadWorker | null {
  if (shared === undefined) {
    shared = null;
    try {
      const script = os.availableParallelism() > 1 && !process.env.SLYCONV_NO_WORKERS ? builtReaderScript() : null;
      if (script) shared = new ReadWorker(script);
    } catch {
      shared = null;
    }
  }
  return shared?.broken ? null : shared;
}

/**
 * An annotation from its packed form (packed.ts): the skeleton parsed, the points made from the packed numbers.
 * Whatever does not go that way (a list where no points are read, a problem to report) is done again from the
 * skeleton unpacked, which is what JSON.parse gives for the file, so the result and any error are the usual ones.
 * Null when the skeleton does not parse (the file is then read plainly).
 */
export function annotationFromPacked(packed: PackedFile, meta: ProjectMeta | undefined, file: string): Annotation | null {
  let tree: unknown;
  try {
    tree = JSON.parse(packed.skeleton);
  } catch {
    return null;
  }
  try {
    const annotation = annotationFromJson(tree, meta, file, packed.points);
    if (packed.points.allTaken) return annotation;
  } catch {
    /* done again below */
  }
  return annotationFromJson(packed.points.unpack(JSON.parse(packed.skeleton)), meta, file);
}
