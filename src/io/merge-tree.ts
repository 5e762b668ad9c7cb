/**
 * The file union every merge starts from (src/merge.ts, formats/<format>/merge.ts): every file of every shard output
 * copied once into the merged output. A file that two shards both wrote means the shards overlap.
 */
import { constants as fsConstants, promises as fs } from "node:fs";
import path from "node:path";
import { SlyconvError } from "../errors.js";
import { OUTPUT_MARKER } from "./safe-output.js";
import { SHARD_MANIFEST_FILE, SHARD_SIDECAR_DIR } from "../shard.js";
import { mapConcurrent } from "./concurrency.js";

export interface UnionOptions {
  /** Relative paths (forward slashes) that the merge writes itself, or leaves out, of shard `shard`: not copied. */
  skip?: (rel: string, shard: number) => boolean;
  /**
   * Where shard `shard`'s file or folder `rel` goes when the single run names it differently (undefined: the same
   * path, or inside its renamed folder).
   */
  renamed?: (shard: number, rel: string) => string | undefined;
  /** Hardlink the files (copied where the file system cannot link them, or across file systems). */
  link?: boolean;
}

/**
 * A shard's file into the merged output: a hardlink when asked and possible, else a copy (a reflink where the file
 * system can); symlinks as symlinks. Never replaces a file (EEXIST goes to the caller).
 */
export async function placeShardFile(from: string, to: string, opts: { link?: boolean; symlink?: boolean }): Promise<void> {
  if (opts.symlink) return fs.symlink(await fs.readlink(from), to);
  if (opts.link) {
    try {
      return await fs.link(from, to);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP" && code !== "EMLINK") throw e;
    }
  }
  await fs.copyFile(from, to, fsConstants.COPYFILE_EXCL | fsConstants.COPYFILE_FICLONE);
}

const COPY_CONCURRENCY = 16;
const NEVER_COPIED = new Set([OUTPUT_MARKER, SHARD_MANIFEST_FILE, SHARD_SIDECAR_DIR]);

/**
 * Files of one shard output, relative, depth first, with where each goes (`to`: a folder `renamed` maps takes its
 * files along); folders are made in `out` as they are found, so that empty ones are kept.
 */
async function* filesOf(dir: string, out: string, rel: string, to: string, rename: (rel: string) => string | undefined): AsyncIterable<{ from: string; rel: string; to: string; link: boolean }> {
  const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (rel === "" && NEVER_COPIED.has(e.name)) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    const t = rename(r) ?? (to ? `${to}/${e.name}` : e.name);
    if (e.isDirectory()) {
      await fs.mkdir(path.join(out, t), { recursive: true });
      yield* filesOf(dir, out, r, t, rename);
    } else yield { from: path.join(dir, r), rel: r, to: t, link: e.isSymbolicLink() };
  }
}

/** Copies every shard's files into `out` (reflinks where the file system can); returns how many were copied. */
export async function copyUnion(dirs: readonly string[], out: string, opts: UnionOptions = {}): Promise<number> {
  let copied = 0;
  for (let shard = 0; shard < dirs.length; shard++) {
    const dir = dirs[shard];
    const rename = (rel: string) => opts.renamed?.(shard, rel);
    const files = async function* () {
      for await (const f of filesOf(dir, out, "", "", rename)) if (!opts.skip?.(f.rel, shard)) yield f;
    };
    for await (const _ of mapConcurrent(files(), COPY_CONCURRENCY, async (f) => {
      const rel = f.to;
      const to = path.join(out, ...rel.split("/"));
      if (rel !== f.rel) await fs.mkdir(path.dirname(to), { recursive: true });
      try {
        await placeShardFile(f.from, to, { link: opts.link, symlink: f.link });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
        throw new SlyconvError("shard-conflict", `${rel} is in more than one shard (${dir} and an earlier one); the shards overlap, or two items of the run share this file name: merge cannot write the single run's output (run it unsharded)`, { file: f.from }, 1);
      }
      copied++;
    })) { /* copied in order of listing */ }
  }
  return copied;
}
