import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { SlyconvError, UsageError } from "../errors.js";

export interface SafeOutputOptions {
  /** Replace an existing non-empty output (only once the new one is complete). */
  force?: boolean;
}

async function statOrNull(p: string) {
  try {
    return await fs.lstat(p);
  } catch {
    return null;
  }
}

async function isNonEmptyDir(p: string): Promise<boolean> {
  try {
    return (await fs.readdir(p)).length > 0;
  } catch {
    return false;
  }
}

const cleanupPaths = new Set<string>();
let signalHandlersInstalled = false;

/** On Ctrl-C or SIGTERM, temporary build folders are removed before the process ends. */
function installSignalCleanup(): void {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(sig, () => {
      for (const p of cleanupPaths) {
        try {
          // Synchronous on purpose: the process is about to end.
          rmSync(p, { recursive: true, force: true });
        } catch { /* best effort */ }
      }
      process.exit(sig === "SIGINT" ? 130 : 143);
    });
  }
}

/**
 * Checks an output path before any work starts: a non-empty folder or an existing file needs --force.
 */
export async function checkOutputTarget(out: string, opts: SafeOutputOptions = {}): Promise<void> {
  const st = await statOrNull(out);
  if (!st) return;
  if (st.isDirectory()) {
    if (!opts.force && (await isNonEmptyDir(out))) {
      throw new UsageError(`output folder ${out} is not empty; pass --force to replace it`);
    }
  } else if (!opts.force) {
    throw new UsageError(`output ${out} already exists; pass --force to replace it`);
  }
}

/**
 * Builds an output (folder or file) at a temporary sibling path and renames it into place only when `build`
 * succeeds: a failure or Ctrl-C leaves either no output or the previous complete one.
 */
export async function writeAtomically<T>(
  out: string,
  opts: SafeOutputOptions,
  kind: "dir" | "file",
  build: (tmpPath: string) => Promise<T>,
): Promise<T> {
  const target = path.resolve(out);
  await checkOutputTarget(target, opts);
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const tmp = path.join(parent, `.${path.basename(target)}.slyconv-tmp-${tag}`);
  if (kind === "dir") await fs.mkdir(tmp);
  installSignalCleanup();
  cleanupPaths.add(tmp);
  try {
    const result = await build(tmp);
    const existing = await statOrNull(target);
    if (existing) {
      const old = path.join(parent, `.${path.basename(target)}.slyconv-old-${tag}`);
      cleanupPaths.add(old);
      await fs.rename(target, old);
      await fs.rename(tmp, target);
      await fs.rm(old, { recursive: true, force: true });
      cleanupPaths.delete(old);
    } else {
      await fs.rename(tmp, target);
    }
    return result;
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    cleanupPaths.delete(tmp);
  }
}

/** An input path that must exist. */
export async function requireInput(p: string, what = "input"): Promise<import("node:fs").Stats> {
  try {
    return await fs.stat(p);
  } catch {
    throw new SlyconvError("input-missing", `${what} ${p} does not exist`, { file: p }, 2);
  }
}
