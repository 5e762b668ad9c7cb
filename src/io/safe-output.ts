import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { processIsAlive, releaseOnExit, removeOnExit } from "./cleanup.js";
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
 * Cleans up after a run that was killed (SIGKILL, power loss) before it could: its temporary folder is removed,
 * and a previous output it had moved aside, but not yet replaced, is put back.
 */
export async function recoverInterruptedOutput(target: string): Promise<void> {
  const parent = path.dirname(target);
  const base = path.basename(target);
  let names: string[];
  try {
    names = await fs.readdir(parent);
  } catch {
    return;
  }
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.slyconv-(tmp|old)-(\\d+)-[0-9a-f]+$`);
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || processIsAlive(Number(m[2]))) continue;
    const p = path.join(parent, name);
    if (m[1] === "old" && !(await statOrNull(target))) await fs.rename(p, target);
    else await fs.rm(p, { recursive: true, force: true });
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
  await recoverInterruptedOutput(target);
  await checkOutputTarget(target, opts);
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const tmp = path.join(parent, `.${path.basename(target)}.slyconv-tmp-${tag}`);
  if (kind === "dir") await fs.mkdir(tmp);
  removeOnExit(tmp);
  try {
    const result = await build(tmp);
    const existing = await statOrNull(target);
    if (existing) {
      const old = path.join(parent, `.${path.basename(target)}.slyconv-old-${tag}`);
      // Not registered for removal: if the process dies right here, the next run puts the old output back.
      await fs.rename(target, old);
      await fs.rename(tmp, target);
      await fs.rm(old, { recursive: true, force: true });
    } else {
      await fs.rename(tmp, target);
    }
    return result;
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true, maxRetries: 3 });
    throw e;
  } finally {
    releaseOnExit(tmp);
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
