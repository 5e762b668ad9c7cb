/**
 * The files of a YOLO dataset folder. The folder is listed once up front, so that pairing 100k images with their
 * label files costs set lookups rather than 100k stat calls. Paths are absolute POSIX strings. Archives are not read
 * here: the pipeline extracts .zip/.tar inputs into a scratch folder before any adapter sees them (src/api.ts).
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { ImageSource } from "../../src/model/index.js";
import type { ImageDimensions } from "../../src/io/image-size.js";
import { readImageHeaderSize } from "../../src/io/image-header.js";
import { SlyconvError } from "../../src/errors.js";
import { checkFileSize, kindOfFile, NotRegularFileError } from "../../src/io/regular-file.js";
import { closeFile, openTextFile, readWholeText } from "../../src/io/text-lines.js";

const posix = path.posix;

export interface LoadedImage { source: ImageSource; size: ImageDimensions | null }

export interface SourceTree {
  /** The input folder. */
  readonly root: string;
  /** Every file below `dir` (recursively), sorted; empty when `dir` is not a folder. */
  listFiles(dir: string): Promise<string[]>;
  isFile(p: string): Promise<boolean>;
  isDir(p: string): Promise<boolean>;
  /** Names of the entries directly inside `dir` (files and folders). */
  readDir(dir: string): Promise<{ name: string; isDir: boolean }[]>;
  readText(p: string): Promise<string>;
  /** An item's image: where its pixels are and its size from the header (null when unreadable). */
  loadImage(p: string): Promise<LoadedImage>;
  /** A path as shown in messages: relative to the input where possible. */
  display(p: string): string;
  /** Symlinks to folders outside the input that the listing did not follow. */
  readonly linksOutside: readonly string[];
  /** FIFOs, sockets and devices found by the listing (directly or through symlinks): never read, reported. */
  readonly notRegular: readonly { path: string; kind: string }[];
}

const toPosix = (p: string) => p.split(path.sep).join("/");

/** A `.` or `..` segment, an empty one, or a trailing slash: a path posix.relative would normalise first. */
const NOT_NORMAL = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|.\/$/;

/**
 * posix.relative(dir, p) for absolute POSIX paths, without its two path.resolve calls when `p` is a normal path
 * below a normal `dir` (the paths a listing makes): then it is the rest of `p` after `dir/`. Called for every file.
 */
export function relativePath(dir: string, p: string): string {
  if (dir.startsWith("/") && !NOT_NORMAL.test(dir)) {
    if (p === dir) return "";
    const prefix = dir === "/" ? dir : dir + "/";
    if (p.startsWith(prefix)) {
      const rest = p.slice(prefix.length);
      if (rest && !NOT_NORMAL.test(rest) && !rest.startsWith("/")) return rest;
    }
  }
  return posix.relative(dir, p);
}

/**
 * Every file below `dir` (absolute POSIX paths), names starting with "." left out. Symlinks are followed, to files
 * and to folders inside `inside` (the input's real path), but each real folder is listed once: a link back up the
 * tree (`a/loop -> ..`, which a cloned repository may hold) would otherwise be walked again and again, exponentially
 * so with two of them. A link to a folder outside the input (`images/train -> /`) is not followed: it goes into
 * `outside`.
 */
async function listTree(dir: string, inside: string, outside: string[], notRegular: { path: string; kind: string }[]): Promise<string[]> {
  const out: string[] = [];
  const listed = new Set<string>();
  const insidePrefix = inside.endsWith(path.sep) ? inside : inside + path.sep;
  const visit = async (d: string): Promise<void> => {
    const real = await fs.realpath(d).catch(() => null);
    if (real === null || listed.has(real)) return;
    if (real !== inside && !real.startsWith(insidePrefix)) {
      outside.push(d);
      return;
    }
    listed.add(real);
    let entries: import("node:fs").Dirent[];
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const p = posix.join(d, e.name);
      let isDir = e.isDirectory(), isFile = e.isFile();
      let special = e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice();
      let target: import("node:fs").Stats | null = null;
      if (e.isSymbolicLink()) {
        target = await fs.stat(p).catch(() => null);
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
        special = target !== null && !isDir && !isFile;
      }
      if (isDir) await visit(p);
      else if (isFile) out.push(p);
      else if (special) notRegular.push({ path: p, kind: kindOfFile(target ?? (await fs.lstat(p))) });
    }
  };
  await visit(dir);
  return out;
}

/** A dataset folder on disk. The folder is listed once; membership tests are then set lookups. */
class DirTree implements SourceTree {
  readonly notRegular: { path: string; kind: string }[] = [];
  private readonly files = new Set<string>();
  private readonly dirs = new Set<string>();
  private readonly listedRoots: string[] = [];
  readonly linksOutside: string[] = [];

  /** `realRoot`: the input folder with symlinks resolved, the bound of every listing. */
  constructor(readonly root: string, private readonly displayRoot: string, private readonly realRoot: string) {}

  /** The listed roots with a trailing slash, for prefix tests. */
  private readonly listedPrefixes: string[] = [];
  /** `files` sorted, made when first needed after a listing: a folder's files are one run of it. */
  private sorted: string[] | null = null;

  private covered(p: string): boolean {
    for (let i = 0; i < this.listedRoots.length; i++) if (p === this.listedRoots[i] || p.startsWith(this.listedPrefixes[i])) return true;
    return false;
  }

  private async ensureListed(dir: string): Promise<void> {
    if (this.covered(dir)) return;
    let st;
    try {
      st = await fs.stat(dir);
    } catch {
      return;
    }
    if (!st.isDirectory()) return;
    const found = await listTree(dir, this.realRoot, this.linksOutside, this.notRegular);
    this.listedRoots.push(dir);
    this.listedPrefixes.push(dir.endsWith("/") ? dir : dir + "/");
    this.sorted = null;
    this.dirs.add(dir);
    for (const full of found) {
      this.files.add(full);
      for (let d = posix.dirname(full); d.length > dir.length && !this.dirs.has(d); d = posix.dirname(d)) this.dirs.add(d);
    }
  }

  async listFiles(dir: string): Promise<string[]> {
    await this.ensureListed(dir);
    if (!this.dirs.has(dir)) return [];
    const prefix = dir.endsWith("/") ? dir : dir + "/";
    // The paths that start with `prefix` are the run of the sorted list from the first one not below `prefix`.
    const sorted = (this.sorted ??= [...this.files].sort());
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < sorted.length && sorted[end].startsWith(prefix)) end++;
    return sorted.slice(lo, end);
  }

  async isFile(p: string): Promise<boolean> {
    if (this.covered(p)) return this.files.has(p);
    return fs.stat(p).then((s) => s.isFile(), () => false);
  }

  async isDir(p: string): Promise<boolean> {
    if (this.covered(p)) return this.dirs.has(p);
    return fs.stat(p).then((s) => s.isDirectory(), () => false);
  }

  async readDir(dir: string) {
    try {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      const out = [];
      for (const e of entries) {
        let isDir = e.isDirectory();
        if (e.isSymbolicLink()) isDir = await fs.stat(posix.join(dir, e.name)).then((s) => s.isDirectory(), () => false);
        out.push({ name: e.name, isDir });
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return [];
    }
  }

  async readText(p: string): Promise<string> {
    // Opened as a regular file only (a symlink to a device or FIFO, /dev/zero, would be read forever), and refused
    // from its size when over the limit of files read whole (src/limits.ts).
    let opened: { fd: number; size: number };
    try {
      opened = await openTextFile(p);
    } catch (e) {
      const why = e instanceof NotRegularFileError ? "it is not a regular file" : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      throw new SlyconvError("file-unreadable", `cannot read file (${why})`, { file: this.display(p) });
    }
    try {
      checkFileSize(this.display(p), opened.size);
      return await readWholeText(opened.fd, opened.size, this.display(p));
    } catch (e) {
      if (e instanceof SlyconvError) throw new SlyconvError(e.code, e.message, { file: this.display(p) });
      throw new SlyconvError("file-unreadable", `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file: this.display(p) });
    } finally {
      await closeFile(opened.fd);
    }
  }

  async loadImage(p: string): Promise<LoadedImage> {
    return { source: { kind: "file", path: p }, size: await readImageHeaderSize(p) };
  }

  display(p: string): string {
    const rel = relativePath(this.root, p);
    if (!rel) return this.displayRoot;
    return rel.startsWith("..") ? p : rel;
  }
}

export async function openDirTree(dir: string): Promise<SourceTree> {
  const root = toPosix(path.resolve(dir));
  const tree = new DirTree(root, path.basename(root), await fs.realpath(root));
  // One listing of the whole dataset up front: pairing images with labels then never touches the disk.
  await tree.listFiles(root);
  return tree;
}

