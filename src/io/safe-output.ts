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

let interruptedBy: NodeJS.Signals | null = null;

/** The signal that is ending this process, if any (the CLI stays quiet about the errors that follow it). */
export function interruptedSignal(): NodeJS.Signals | null {
  return interruptedBy;
}

function removeTemporaryOutputs(): void {
  for (const p of cleanupPaths) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch { /* best effort */ }
  }
}

/**
 * On Ctrl-C or SIGTERM, temporary build folders are removed before the process ends. File operations already in
 * flight on libuv's threads may still land for a moment, so the folders are removed again just before exit.
 */
function installSignalCleanup(): void {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(sig, () => {
      interruptedBy = sig;
      const keep = [...cleanupPaths];
      removeTemporaryOutputs();
      setTimeout(() => {
        for (const p of keep) cleanupPaths.add(p);
        removeTemporaryOutputs();
        process.exit(sig === "SIGINT" ? 130 : 143);
      }, 200);
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

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
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
    await fs.rm(tmp, { recursive: true, force: true, maxRetries: 3 });
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
