/**
 * Archive input: .zip (yauzl) and .tar / .tar.gz / .tgz (node-tar's parser). The libraries only parse; every file
 * and folder is created by this module, so the rules hold in one place (docs/archives.md):
 *  - entry names: no absolute paths, drive letters, NUL bytes or '..' segments (unsafeNameReason), then safeJoin;
 *  - links (symbolic and hard) are never created, because a link inside the folder could redirect a later entry's
 *    write: a link whose target leaves the archive is refused, any other link is skipped with a warning;
 *  - devices, FIFOs and other special entries are skipped with a warning; macOS `__MACOSX/` metadata is skipped;
 *  - a name used twice, or as both a file and a folder, is refused: the archive has no single reading;
 *  - extracted bytes and the entry count are capped (a zip's declared sizes are checked before anything is
 *    written, a tar's as each entry arrives, and the bytes actually written are counted too);
 *  - files are created with O_EXCL (`wx`), so nothing already on disk is ever followed or overwritten.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { createReadStream } from "node:fs";
import type yauzl from "yauzl";
import type { Parser, ReadEntry } from "tar";
import { SlyconvError, UsageError } from "../errors.js";
import type { Report } from "../report.js";
import type { Progress } from "./progress.js";
import { safeJoin, unsafeNameReason } from "./paths.js";
import { createScratchDir } from "./archive-scratch.js";
import { crc32 } from "../codecs/png-encode.js";

export type ArchiveKind = "zip" | "tar" | "tar.gz";

/** The archive kind a path names by its extension (case-insensitive), or null. */
export function archiveKindOf(p: string): ArchiveKind | null {
  const name = p.toLowerCase();
  if (name.endsWith(".zip")) return "zip";
  if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) return "tar.gz";
  if (name.endsWith(".tar")) return "tar";
  return null;
}

/**
 * The archive's name without its archive extension ("Yolo (1).zip" → "Yolo (1)"): the name of the folder it is
 * extracted into, so that a dataset named after its folder is named after the archive, not after a scratch folder.
 */
export function archiveStem(p: string): string {
  const base = path.basename(p);
  const stem = base.replace(/(\.tar\.gz|\.tgz|\.tar|\.zip)$/i, "");
  return stem && stem !== "." && !unsafeNameReason(stem) ? stem : "archive";
}

/** True for .zip, .tar, .tar.gz and .tgz names. Only the name is looked at; callers check it is a file. */
export function isArchivePath(p: string): boolean {
  return archiveKindOf(p) !== null;
}

export interface ExtractLimits {
  /** Cap on the bytes of all extracted files; default SLYCONV_ARCHIVE_MAX_BYTES or 32 GiB. */
  maxBytes?: number;
  /** Cap on the number of entries; default SLYCONV_ARCHIVE_MAX_ENTRIES or 1,000,000. */
  maxEntries?: number;
}

export interface ExtractOptions extends ExtractLimits {
  /** Receives a warning for every skipped entry and for names that differ only by case. */
  report?: Report;
  progress?: Progress;
}

export interface SkippedEntry {
  name: string;
  reason: string;
}

export interface ExtractResult {
  /** Files and folders created (folders only implied by file names are not counted). */
  entries: number;
  /** Bytes of file content written. */
  bytes: number;
  skipped: SkippedEntry[];
}

export const DEFAULT_MAX_EXTRACT_BYTES = 32 * 1024 ** 3;
export const DEFAULT_MAX_EXTRACT_ENTRIES = 1_000_000;
export const MAX_BYTES_ENV = "SLYCONV_ARCHIVE_MAX_BYTES";
export const MAX_ENTRIES_ENV = "SLYCONV_ARCHIVE_MAX_ENTRIES";

const SIZE_SUFFIXES: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** "1000", "512M", "20G", "1.5T" → bytes (binary multiples). */
export function parseByteSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(text);
  if (!m) return null;
  return Math.floor(Number(m[1]) * SIZE_SUFFIXES[m[2].toLowerCase()]);
}

function limitFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = parseByteSize(raw);
  if (n === null || n <= 0) throw new UsageError(`${name}=${JSON.stringify(raw)} is not a positive size (examples: 1000000, 512M, 20G)`);
  return n;
}

function resolveLimits(opts: ExtractLimits): Required<ExtractLimits> {
  return {
    maxBytes: opts.maxBytes ?? limitFromEnv(MAX_BYTES_ENV, DEFAULT_MAX_EXTRACT_BYTES),
    maxEntries: opts.maxEntries ?? limitFromEnv(MAX_ENTRIES_ENV, DEFAULT_MAX_EXTRACT_ENTRIES),
  };
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ["KiB", "MiB", "GiB", "TiB", "PiB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]} (${n} bytes)`;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Everything one extraction needs to know and enforce; the zip and tar readers share it. */
class Extraction {
  readonly limits: Required<ExtractLimits>;
  readonly skipped: SkippedEntry[] = [];
  entries = 0;
  private seenEntries = 0;
  private declaredBytes = 0;
  private writtenBytes = 0;
  private readonly files = new Set<string>();
  private readonly dirs = new Set<string>();
  private readonly byFoldedCase = new Map<string, string>();

  constructor(readonly archive: string, readonly dest: string, readonly opts: ExtractOptions) {
    this.limits = resolveLimits(opts);
  }

  get bytes(): number {
    return this.writtenBytes;
  }

  private where() {
    return { file: this.archive };
  }

  unsafe(name: string, why: string): SlyconvError {
    return new SlyconvError("archive-unsafe-entry", `refusing entry ${JSON.stringify(name)}: ${why}`, this.where());
  }

  corrupt(detail: string, name?: string): SlyconvError {
    const about = name === undefined ? "" : ` (entry ${JSON.stringify(name)})`;
    return new SlyconvError("archive-corrupt", `cannot read the archive${about}: ${detail}`, this.where());
  }

  unsupported(name: string, why: string): SlyconvError {
    return new SlyconvError("archive-unsupported", `cannot extract entry ${JSON.stringify(name)}: ${why}`, this.where());
  }

  tooLarge(what: string): SlyconvError {
    return new SlyconvError(
      "archive-too-large",
      `${what}; refusing to extract it. Raise the limit with ${MAX_BYTES_ENV} / ${MAX_ENTRIES_ENV} (e.g. ${MAX_BYTES_ENV}=100G) if the archive is trusted`,
      this.where(),
    );
  }

  countEntry(): void {
    this.seenEntries++;
    if (this.seenEntries > this.limits.maxEntries) {
      throw this.tooLarge(`the archive has more than ${this.limits.maxEntries} entries (the limit)`);
    }
  }

  declare(size: number, name: string): void {
    this.declaredBytes += size;
    if (this.declaredBytes > this.limits.maxBytes) {
      throw this.tooLarge(`the archive declares at least ${formatBytes(this.declaredBytes)} of content (up to entry ${JSON.stringify(name)}), more than the ${formatBytes(this.limits.maxBytes)} limit`);
    }
  }

  spend(size: number, name: string): void {
    this.writtenBytes += size;
    if (this.writtenBytes > this.limits.maxBytes) {
      throw this.tooLarge(`extracting entry ${JSON.stringify(name)} went past the ${formatBytes(this.limits.maxBytes)} limit`);
    }
  }

  /** The entry name as a clean relative path ("a/b"), or "" for the archive root; throws for unsafe names. */
  cleanName(raw: string): string {
    const why = unsafeNameReason(raw);
    if (why) throw this.unsafe(raw, why);
    return raw.split(/[\\/]+/).filter((part) => part !== "" && part !== ".").join("/");
  }

  skip(name: string, reason: string, warn = true): void {
    this.skipped.push({ name, reason });
    if (warn) this.opts.report?.warn("archive-entry-skipped", `skipped entry ${JSON.stringify(name)}: ${reason}`, this.where());
  }

  /** macOS Finder adds resource-fork copies under __MACOSX/; they are not part of the data. */
  isMacMetadata(name: string): boolean {
    return name === "__MACOSX" || name.startsWith("__MACOSX/");
  }

  /** Why a link entry must be refused (its target leaves the archive), or null. */
  linkEscape(name: string, target: string, kind: "symbolic" | "hard"): string | null {
    if (target.includes("\0")) return "its target contains a NUL byte";
    if (/^[A-Za-z]:/.test(target) || /^[\\/]/.test(target)) return `its target ${JSON.stringify(target)} is an absolute path`;
    // Symbolic link targets are relative to the link's folder, hard link targets to the archive root.
    const base = kind === "symbolic" ? path.posix.dirname(name) : ".";
    const resolved = path.posix.normalize(path.posix.join(base, target.replace(/\\/g, "/")));
    if (resolved === ".." || resolved.startsWith("../")) return `its target ${JSON.stringify(target)} points outside the archive`;
    return null;
  }

  /** Refuses escaping links; skips the rest with a warning. */
  link(name: string, target: string, kind: "symbolic" | "hard"): void {
    const escape = this.linkEscape(name, target, kind);
    if (escape) throw this.unsafe(name, `it is a ${kind} link and ${escape}`);
    this.skip(name, `${kind} links are not extracted (target ${JSON.stringify(target)}); copy the file into the archive instead`);
  }

  /** Records a file or folder name; refuses duplicates and file/folder clashes, warns on case-only differences. */
  claim(name: string, kind: "file" | "dir"): void {
    const parts = name.split("/");
    for (let i = 1; i < parts.length; i++) {
      const ancestor = parts.slice(0, i).join("/");
      if (this.files.has(ancestor)) throw this.unsafe(name, `${JSON.stringify(ancestor)} is a file earlier in the archive`);
      this.dirs.add(ancestor);
    }
    if (kind === "file") {
      if (this.files.has(name)) throw this.unsafe(name, "it appears twice in the archive");
      if (this.dirs.has(name)) throw this.unsafe(name, "it is both a file and a folder in the archive");
      this.files.add(name);
    } else {
      if (this.files.has(name)) throw this.unsafe(name, "it is both a file and a folder in the archive");
      if (this.dirs.has(name)) return;
      this.dirs.add(name);
    }
    const folded = name.toLowerCase();
    const other = this.byFoldedCase.get(folded);
    if (other === undefined) this.byFoldedCase.set(folded, name);
    else if (other !== name) {
      this.opts.report?.warn("archive-case-clash", `entries ${JSON.stringify(other)} and ${JSON.stringify(name)} differ only by case; they collide on case-insensitive file systems`, this.where());
    }
  }

  /**
   * What the file system said about an entry, in terms a user can act on; errors that are not about the entry (or
   * the disk) are returned unchanged.
   */
  fileSystemRefusal(e: unknown, name: string): unknown {
    switch ((e as NodeJS.ErrnoException).code) {
      case "ENAMETOOLONG":
        return this.unsupported(name, "its name is too long for this file system");
      case "EILSEQ":
      case "EINVAL":
        return this.unsupported(name, "its name is not valid on this file system");
      case "EEXIST":
        return this.unsafe(name, "it collides with an earlier entry on this file system (names that differ only by case?)");
      case "ENOSPC":
      case "EDQUOT":
        return new SlyconvError("archive-no-space", `no space left on the disk of ${this.dest} while extracting entry ${JSON.stringify(name)}; set TMPDIR to a folder on a larger disk`, this.where());
      default:
        return e;
    }
  }

  async makeDir(name: string): Promise<void> {
    try {
      await fs.mkdir(safeJoin(this.dest, name), { recursive: true });
    } catch (e) {
      throw this.fileSystemRefusal(e, name);
    }
    this.entries++;
  }

  /**
   * Streams one file's content to disk, counting bytes against the cap. `wx` creates the file or fails: an existing
   * path (a duplicate that slipped past claim(), or anything put there behind our back) is never written through.
   */
  async writeFile(name: string, open: () => AsyncIterable<Buffer> | Promise<AsyncIterable<Buffer>>, expectedCrc32?: number): Promise<void> {
    const target = safeJoin(this.dest, name);
    let handle: fs.FileHandle;
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      handle = await fs.open(target, "wx", 0o644);
    } catch (e) {
      throw this.fileSystemRefusal(e, name);
    }
    let crc = 0;
    try {
      // Opened only now and iterated at once: a stream opened earlier could fail (a zip entry whose data is longer
      // than declared, say) while nothing listens for its errors, which would crash the process.
      const content = await open();
      for await (const chunk of content) {
        this.spend(chunk.length, name);
        if (expectedCrc32 !== undefined) crc = crc32(chunk, crc);
        for (let offset = 0; offset < chunk.length;) {
          const { bytesWritten } = await handle.write(chunk, offset).catch((e) => Promise.reject(this.fileSystemRefusal(e, name)));
          offset += bytesWritten;
        }
      }
    } finally {
      await handle.close();
    }
    if (expectedCrc32 !== undefined && crc !== expectedCrc32) throw this.corrupt("CRC-32 mismatch, the data is damaged", name);
    this.entries++;
  }
}

// ---- zip ----

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** Largest symlink target read from a zip; real ones are short, and the content is untrusted. */
const MAX_LINK_TARGET = 4096;

interface ZipPlanItem {
  name: string;
  kind: "file" | "dir";
  entry: yauzl.Entry;
}

async function readSmall(stream: AsyncIterable<Buffer>, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function planZipEntry(lib: typeof yauzl, zip: yauzl.ZipFile, entry: yauzl.Entry, x: Extraction): Promise<ZipPlanItem | null> {
  x.countEntry();
  // decodeStrings is off so that yauzl does not reject bad names itself (it would end the whole listing with a
  // message that names no archive); the name is decoded the way yauzl would (UTF-8 flag, Info-ZIP Unicode path
  // field, else CP437, backslashes as slashes) and checked here.
  const rawName = lib.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
  const name = x.cleanName(rawName);
  const fileType = (entry.externalFileAttributes >>> 16) & S_IFMT;
  const isDir = rawName.endsWith("/") || fileType === S_IFDIR;
  if (x.isMacMetadata(name)) {
    x.skip(rawName, "macOS metadata", false);
    return null;
  }
  if (fileType === S_IFLNK) {
    if (entry.isEncrypted() || !entry.canDecodeFileData()) throw x.unsupported(rawName, "an encrypted or unusually compressed link");
    const target = await readSmall(await zip.openReadStreamPromise(entry), MAX_LINK_TARGET);
    if (target === null) throw x.unsafe(rawName, `it is a symbolic link with a target longer than ${MAX_LINK_TARGET} bytes`);
    x.link(rawName, target.toString("utf8"), "symbolic");
    return null;
  }
  if (!isDir && fileType !== 0 && fileType !== S_IFREG) {
    x.skip(rawName, `special file (mode ${fileType.toString(8)}), not a regular file`);
    return null;
  }
  if (name === "") {
    if (isDir) return null;
    throw x.unsafe(rawName, "it names the extraction folder itself");
  }
  if (isDir) {
    x.claim(name, "dir");
    return { name, kind: "dir", entry };
  }
  if (entry.isEncrypted()) throw x.unsupported(rawName, "it is encrypted");
  if (!entry.canDecodeFileData()) throw x.unsupported(rawName, `compression method ${entry.compressionMethod} is not supported (only stored and deflate)`);
  x.claim(name, "file");
  x.declare(entry.uncompressedSize, rawName);
  return { name, kind: "file", entry };
}

async function extractZip(x: Extraction): Promise<void> {
  // The archive libraries are loaded when an archive is read, not at startup.
  const lib = (await import("yauzl")).default;
  let zip: yauzl.ZipFile;
  try {
    zip = await lib.openPromise(x.archive, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (e) {
    throw x.corrupt(errorText(e));
  }
  try {
    if (zip.entryCount > x.limits.maxEntries) throw x.tooLarge(`the archive has ${zip.entryCount} entries, more than the ${x.limits.maxEntries} limit`);
    // Every entry is checked (names, links, sizes) from the central directory before anything is written.
    const plan: ZipPlanItem[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        const item = await planZipEntry(lib, zip, entry, x);
        if (item) plan.push(item);
      }
    } catch (e) {
      throw e instanceof SlyconvError ? e : x.corrupt(errorText(e));
    }
    x.opts.progress?.start(`extracting ${path.basename(x.archive)}`, plan.length, "entries");
    for (const item of plan) {
      if (item.kind === "dir") await x.makeDir(item.name);
      else {
        try {
          await x.writeFile(item.name, () => zip.openReadStreamPromise(item.entry), item.entry.crc32);
        } catch (e) {
          if (e instanceof SlyconvError || (e as NodeJS.ErrnoException).syscall) throw e;
          // yauzl and zlib errors: bad local header, size mismatch, invalid deflate data.
          throw x.corrupt(errorText(e), item.name);
        }
      }
      x.opts.progress?.increment();
    }
  } finally {
    x.opts.progress?.stop();
    zip.close();
  }
}

// ---- tar, tar.gz ----

type TarStep = { kind: "file" | "dir"; name: string } | null;

function planTarEntry(entry: ReadEntry, x: Extraction): TarStep {
  x.countEntry();
  const rawName = entry.path;
  const name = x.cleanName(rawName);
  if (x.isMacMetadata(name)) {
    x.skip(rawName, "macOS metadata", false);
    return null;
  }
  switch (entry.type) {
    case "File":
    case "OldFile":
    case "ContiguousFile":
      if (name === "") throw x.unsafe(rawName, "it names the extraction folder itself");
      x.claim(name, "file");
      // A tar header's size is the size of the data that follows, so the cap holds before anything is written.
      x.declare(entry.size, rawName);
      return { kind: "file", name };
    case "Directory":
    case "GNUDumpDir":
      if (name === "") return null;
      x.claim(name, "dir");
      return { kind: "dir", name };
    case "SymbolicLink":
      x.link(rawName, entry.linkpath ?? "", "symbolic");
      return null;
    case "Link":
      x.link(rawName, entry.linkpath ?? "", "hard");
      return null;
    default:
      x.skip(rawName, `${entry.type} entries are not extracted`);
      return null;
  }
}

/** node-tar's own gzip-ratio guard fires on decompression bombs; report it like the byte cap. */
function tarFailure(x: Extraction, e: unknown): unknown {
  if (e instanceof SlyconvError) return e;
  const message = errorText(e);
  if (/decompression ratio/i.test(message)) return x.tooLarge(`the compressed data expands suspiciously (${message})`);
  if ((e as NodeJS.ErrnoException).syscall) return e;
  return x.corrupt(message.replace(/^TAR_[A-Z_]+: /, ""));
}

async function extractTar(x: Extraction): Promise<void> {
  return extractTarWith((await import("tar")).Parser, x);
}

function extractTarWith(TarParser: typeof Parser, x: Extraction): Promise<void> {
  // strict: every parser warning (bad checksum, truncated data, not a tar at all) is an error.
  const parser = new TarParser({ strict: true });
  const source = createReadStream(x.archive);
  x.opts.progress?.start(`extracting ${path.basename(x.archive)}`);
  // Entries are written one after another; `writing` is the chain, so a failure can wait for the file being
  // written to close before it is reported (and the caller removes the folder).
  let writing: Promise<void> = Promise.resolve();
  let inFlight: ReadEntry | null = null;
  let failed = false;
  return new Promise<void>((resolve, reject) => {
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      source.unpipe(parser);
      source.destroy();
      parser.abort(e instanceof Error ? e : new Error(String(e)));
      // A parser that stopped mid-entry (truncated or damaged data) never finishes that entry's data: end it, or
      // the write in flight (and with it this promise) would wait forever. (destroy() is no good: an iteration that
      // has not started yet would still wait.) The partial file goes when the folder is emptied.
      inFlight?.end();
      writing.catch(() => {}).finally(() => {
        x.opts.progress?.stop();
        reject(tarFailure(x, e));
      });
    };
    parser.on("entry", (entry: ReadEntry) => {
      if (failed) {
        entry.resume();
        return;
      }
      let step: TarStep;
      try {
        step = planTarEntry(entry, x);
      } catch (e) {
        entry.resume();
        fail(e);
        return;
      }
      if (!step) {
        entry.resume();
        return;
      }
      const { kind, name } = step;
      if (kind === "dir") entry.resume();
      // The entry's data waits in its buffer (holding the parser back) until its turn comes.
      writing = writing
        .then(async () => {
          if (failed) return;
          if (kind === "dir") await x.makeDir(name);
          else {
            inFlight = entry;
            await x.writeFile(name, () => entry);
            inFlight = null;
          }
          x.opts.progress?.increment();
        })
        .catch((e) => {
          entry.resume();
          fail(e);
        });
    });
    parser.on("error", fail);
    parser.on("end", () => {
      writing.then(() => {
        if (failed) return;
        x.opts.progress?.stop();
        resolve();
      });
    });
    source.on("error", fail);
    source.pipe(parser);
  });
}

// ---- entry points ----

async function emptyDirectory(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) await fs.rm(path.join(dir, name), { recursive: true, force: true });
}

/**
 * Extracts an archive into `destDir` (created if missing; must be empty). On failure `destDir` is emptied again, so
 * a refused archive leaves nothing behind, inside or outside.
 */
export async function extractArchive(archivePath: string, destDir: string, opts: ExtractOptions = {}): Promise<ExtractResult> {
  const kind = archiveKindOf(archivePath);
  if (!kind) throw new UsageError(`${archivePath} is not a .zip, .tar, .tar.gz or .tgz file`);
  const dest = path.resolve(destDir);
  await fs.mkdir(dest, { recursive: true });
  if ((await fs.readdir(dest)).length > 0) throw new UsageError(`extraction folder ${destDir} is not empty`);
  const x = new Extraction(archivePath, dest, opts);
  try {
    // node-tar recognises gzip by its magic bytes, so a .tar that is really gzipped (or the reverse) still works.
    if (kind === "zip") await extractZip(x);
    else await extractTar(x);
  } catch (e) {
    await emptyDirectory(dest);
    throw e;
  }
  return { entries: x.entries, bytes: x.bytes, skipped: x.skipped };
}

/** Top-level names that do not count when deciding whether an archive wraps everything in one folder. */
const IGNORED_TOP_LEVEL = new Set([".DS_Store", "Thumbs.db", "desktop.ini"]);

/** The dataset root inside an extracted archive: its single top-level folder if it has one, else the folder itself. */
export async function archiveContentRoot(dir: string): Promise<string> {
  const top = (await fs.readdir(dir, { withFileTypes: true })).filter((d) => !IGNORED_TOP_LEVEL.has(d.name));
  if (top.length === 1 && top[0].isDirectory()) return path.join(dir, top[0].name);
  return dir;
}

export interface ExtractedArchive extends ExtractResult {
  /** Where the dataset starts (see archiveContentRoot). */
  root: string;
  /** Removes the scratch folder; call once nothing reads from `root` any more. */
  dispose(): Promise<void>;
  /** Makes an error that names files in the scratch folder name them inside the archive instead. */
  relabel(e: unknown): unknown;
}

/**
 * Extracts an archive into `<archive stem>/` of a fresh scratch folder under the OS temp folder
 * (`slyconv-extract-XXXXXX`): an archive without a wrapper folder reads like a folder named after the archive.
 */
export async function extractToScratch(archivePath: string, opts: ExtractOptions = {}): Promise<ExtractedArchive> {
  const scratch = await createScratchDir("slyconv-extract-");
  try {
    const dest = path.join(scratch.path, archiveStem(archivePath));
    await fs.mkdir(dest);
    const result = await extractArchive(archivePath, dest, opts);
    const root = await archiveContentRoot(dest);
    return { ...result, root, dispose: () => scratch.remove(), relabel: (e) => relabelScratchPaths(e, dest, archivePath) };
  } catch (e) {
    await scratch.remove();
    throw e;
  }
}

/** "/tmp/slyconv-extract-ab12cd/ds1/a.json" → "data.zip/ds1/a.json" in a SlyconvError's message and location. */
function relabelScratchPaths(e: unknown, scratchDir: string, archivePath: string): unknown {
  if (!(e instanceof SlyconvError)) return e;
  const rename = (text: string) => text.split(scratchDir).join(archivePath);
  e.message = rename(e.message);
  if (e.location.file) e.location.file = rename(e.location.file);
  return e;
}

/**
 * Options with `images: "symlink"` turned into "copy" (and a warning): images symlinked into an extracted archive's
 * scratch folder would dangle once it is removed.
 */
export function withoutScratchSymlinks<T extends { images?: unknown }>(options: T, report?: Report): T {
  if (options.images !== "symlink") return options;
  report?.warn("archive-images-copied", "the input is an archive, whose extracted files are removed afterwards: images are copied instead of symlinked");
  return { ...options, images: "copy" } as T;
}
