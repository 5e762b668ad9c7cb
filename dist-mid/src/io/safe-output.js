import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { processIsAlive, releaseOnExit, removeOnExit } from "./cleanup.js";
import { SlyconvError, UsageError, optionName } from "../errors.js";
import { userErrorFromSystemError } from "./system-errors.js";
/**
 * The file slyconv writes into every output folder it creates. With --force, slyconv replaces only a folder that
 * holds it (or an empty one): deleting the file protects the folder.
 */
export const OUTPUT_MARKER = ".slyconv-output";
const MARKER_TEXT = "This folder was written by slyconv. `slyconv ... --force` may replace it as a whole; delete this file to protect the folder.\n";
/** The first bytes of an archive of each type slyconv writes: an existing file is replaced only if it starts so. */
const ARCHIVE_MAGIC = [Buffer.from("PK\x03\x04", "latin1"), Buffer.from("PK\x05\x06", "latin1"), Buffer.from([0x1f, 0x8b])];
/** File systems that are views of the kernel, never places for a dataset (statfs magic numbers, linux/magic.h). */
const KERNEL_FILE_SYSTEMS = new Map([
    [0x9fa0, "proc"], [0x62656572, "sysfs"], [0x1cd1, "devpts"], [0x27e0eb, "cgroup"], [0x63677270, "cgroup2"],
    [0x64626720, "debugfs"], [0x74726163, "tracefs"], [0x73636673, "securityfs"], [0xcafe4a11, "bpf"],
]);
/** Folders whose content belongs to the system, whatever file system they are on. */
const SYSTEM_FOLDERS = ["/proc", "/sys", "/dev"];
async function statOrNull(p) {
    try {
        return await fs.lstat(p);
    }
    catch {
        return null;
    }
}
/** The working folder, unless it has been removed (process.cwd() then throws). */
function workingFolder() {
    try {
        return [process.cwd()];
    }
    catch {
        return [];
    }
}
const refuse = (out, why) => new SlyconvError("output-refused", `cannot be the output: ${why}`, { file: out }, 2);
const isSameOrInside = (inner, outer) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
/**
 * The output path with symlinks resolved as far as it exists (the rest appended). Refused when an existing part
 * above it is a file.
 */
async function realOutputPath(out, target) {
    const rest = [];
    for (let at = target;; at = path.dirname(at)) {
        const st = await fs.stat(at).catch(() => null);
        if (st) {
            if (!st.isDirectory() && rest.length > 0)
                throw refuse(out, `${at} is a file, not a folder, so nothing can be written under it`);
            return path.join(await fs.realpath(at), ...rest.reverse());
        }
        if (path.dirname(at) === at)
            return target;
        rest.push(path.basename(at));
    }
}
/** `p` and each folder above it, by device and inode (as the file system compares them: letter case, links). */
async function identitiesUpFrom(p) {
    const ids = new Set();
    for (let at = p;; at = path.dirname(at)) {
        const st = await fs.stat(at).catch(() => null);
        if (st)
            ids.add(`${st.dev}:${st.ino}`);
        if (path.dirname(at) === at)
            return ids;
    }
}
async function startsWithArchiveMagic(file) {
    const fh = await fs.open(file, "r").catch(() => null);
    if (!fh)
        return false;
    try {
        const head = Buffer.alloc(4);
        const { bytesRead } = await fh.read(head, 0, 4, 0);
        return ARCHIVE_MAGIC.some((m) => bytesRead >= m.length && head.subarray(0, m.length).equals(m));
    }
    finally {
        await fh.close();
    }
}
/**
 * Checks an output path before any work starts and says what stands there. Refused whatever --force says (exit 2,
 * code output-refused): `/`, the working folder, home, an input, a folder holding one of those, a path inside an
 * input, a path under a file, anything in /proc, /sys or /dev or on a kernel file system, a mount point, a symlink,
 * a device, FIFO or socket, and a non-empty folder slyconv did not write (no OUTPUT_MARKER). A folder slyconv wrote
 * (or an archive file, for `kind: "file"`) needs --force; an empty folder does not.
 */
export async function checkOutputTarget(out, opts = {}, kind = "dir") {
    const target = path.resolve(out);
    const real = await realOutputPath(out, target);
    if (path.dirname(real) === real)
        throw refuse(out, "it is the root folder");
    const system = SYSTEM_FOLDERS.find((f) => isSameOrInside(real, f));
    if (system)
        throw refuse(out, `it is in ${system}, which belongs to the system`);
    let existing = path.dirname(real);
    while (!(await statOrNull(existing)) && path.dirname(existing) !== existing)
        existing = path.dirname(existing);
    const fsType = await fs.statfs(existing).then((s) => KERNEL_FILE_SYSTEMS.get(Number(s.type)), () => undefined);
    if (fsType)
        throw refuse(out, `it is on the kernel's ${fsType} file system`);
    const st = await statOrNull(target);
    const protectedPaths = [
        ...workingFolder().map((p) => ({ path: p, what: "the working folder" })),
        { path: os.homedir(), what: "your home folder" },
        ...(opts.inputs ?? []).map((p) => ({ path: p, what: `the input ${p}` })),
    ];
    for (const p of protectedPaths) {
        const realP = await fs.realpath(p.path).catch(() => path.resolve(p.path));
        const isInput = p.what.startsWith("the input");
        if (real === realP)
            throw refuse(out, `it is ${p.what}`);
        if (isSameOrInside(realP, real))
            throw refuse(out, `it holds ${p.what}`);
        if (isInput && isSameOrInside(real, realP))
            throw refuse(out, `it is inside ${p.what}`);
        if (st?.isDirectory() && (await identitiesUpFrom(realP)).has(`${st.dev}:${st.ino}`)) {
            throw refuse(out, `it is, or holds, ${p.what}`);
        }
    }
    if (!st)
        return { kind: "none" };
    const id = { dev: st.dev, ino: st.ino };
    if (st.isSymbolicLink())
        throw refuse(out, "it is a symlink; give the path of the folder itself");
    if (kind === "file") {
        if (st.isDirectory())
            throw refuse(out, "it is a folder; an archive is written as a file");
        if (!st.isFile())
            throw refuse(out, "it is not a regular file (a device, FIFO or socket)");
        if (!(await startsWithArchiveMagic(target)))
            throw refuse(out, "it is a file that is not a zip or tar.gz archive; slyconv replaces only archives");
        if (!opts.force)
            throw new UsageError(`output ${out} already exists; pass ${optionName("force")} to replace it`);
        return { kind: "archive-file", ...id };
    }
    if (!st.isDirectory()) {
        throw refuse(out, st.isFile() ? "it is a file, not a folder" : "it is not a regular folder (a device, FIFO or socket)");
    }
    const parent = await fs.stat(path.dirname(target));
    if (parent.dev !== st.dev || parent.ino === st.ino)
        throw refuse(out, "it is a mount point; write into a folder inside it");
    const names = await fs.readdir(target);
    if (names.length === 0)
        return { kind: "empty-folder", ...id };
    const marker = await statOrNull(path.join(target, OUTPUT_MARKER));
    if (!marker?.isFile()) {
        throw refuse(out, `the folder is not empty and slyconv did not write it (it has no ${OUTPUT_MARKER} file); slyconv replaces only folders it wrote, or empty ones: choose another output, or empty it yourself`);
    }
    if (!opts.force)
        throw new UsageError(`output folder ${out} is not empty; pass ${optionName("force")} to replace it`);
    return { kind: "marked-folder", ...id };
}
/** Whether `target` is still the thing found when the run started (same file, still marked). */
async function stillTheSame(target, found) {
    if (found.kind === "none")
        return false;
    const st = await statOrNull(target);
    if (!st || st.dev !== found.dev || st.ino !== found.ino)
        return false;
    if (found.kind === "marked-folder")
        return Boolean((await statOrNull(path.join(target, OUTPUT_MARKER)))?.isFile());
    return true;
}
const changedDuringRun = (out) => new SlyconvError("output-changed", `the output changed while slyconv was writing it (something else wrote there); it is left as it is and the new output is not written`, { file: out }, 2);
/**
 * Cleans up after a run that was killed (SIGKILL, power loss) before it could: its temporary folder is removed,
 * and a previous output it had moved aside, but not yet replaced, is put back.
 */
export async function recoverInterruptedOutput(target) {
    const parent = path.dirname(target);
    const base = path.basename(target);
    let names;
    try {
        names = await fs.readdir(parent);
    }
    catch {
        return;
    }
    const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.slyconv-(tmp|old)-(\\d+)-[0-9a-f]+$`);
    for (const name of names) {
        const m = pattern.exec(name);
        if (!m || processIsAlive(Number(m[2])))
            continue;
        const p = path.join(parent, name);
        if (m[1] === "old" && !(await statOrNull(target)))
            await fs.rename(p, target);
        else
            await fs.rm(p, { recursive: true, force: true });
    }
}
/**
 * Builds an output (folder or file) at a temporary sibling path and renames it into place only when `build`
 * succeeds: a failure or Ctrl-C leaves either no output or the previous complete one.
 */
export async function writeAtomically(out, opts, kind, build) {
    try {
        return await buildThenRename(out, opts, kind, build);
    }
    catch (e) {
        // A full disk, a read-only file system, …: one line naming the output (src/io/system-errors.ts).
        throw userErrorFromSystemError(e, { output: out }) ?? e;
    }
}
async function buildThenRename(out, opts, kind, build) {
    const target = path.resolve(out);
    // Checked before the recovery touches anything beside the output, and again after it (it may put an output back).
    await checkOutputTarget(out, opts, kind);
    await recoverInterruptedOutput(target);
    const found = await checkOutputTarget(out, opts, kind);
    const parent = path.dirname(target);
    await fs.mkdir(parent, { recursive: true });
    const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
    const tmp = path.join(parent, `.${path.basename(target)}.slyconv-tmp-${tag}`);
    if (kind === "dir")
        await fs.mkdir(tmp);
    removeOnExit(tmp);
    try {
        const result = await build(tmp);
        if (kind === "dir")
            await fs.writeFile(path.join(tmp, OUTPUT_MARKER), MARKER_TEXT, { flag: "wx" });
        if (found.kind === "marked-folder" || found.kind === "archive-file") {
            if (!(await stillTheSame(target, found)))
                throw changedDuringRun(out);
            const old = path.join(parent, `.${path.basename(target)}.slyconv-old-${tag}`);
            // Not registered for removal: if the process dies right here, the next run puts the old output back.
            await fs.rename(target, old);
            await fs.rename(tmp, target);
            await fs.rm(old, { recursive: true, force: true });
        }
        else {
            await renameIntoEmptyPlace(tmp, target, kind, out);
        }
        return result;
    }
    catch (e) {
        await fs.rm(tmp, { recursive: true, force: true, maxRetries: 3 });
        throw e;
    }
    finally {
        releaseOnExit(tmp);
    }
}
/**
 * Moves the finished output to a path that was free (or an empty folder) when the run started, without ever
 * replacing what appeared there since: rename() replaces only an empty folder with a folder, and a file is put in
 * place with link(), which never replaces anything.
 */
async function renameIntoEmptyPlace(tmp, target, kind, out) {
    try {
        if (kind === "dir") {
            await fs.rename(tmp, target);
            return;
        }
        try {
            await fs.link(tmp, target);
        }
        catch (e) {
            const code = e.code;
            if (code === "EEXIST")
                throw e;
            // A file system without hard links: the rename, after a last look.
            if (await statOrNull(target))
                throw Object.assign(new Error("exists"), { code: "EEXIST" });
            await fs.rename(tmp, target);
            return;
        }
        await fs.rm(tmp, { force: true });
    }
    catch (e) {
        const code = e.code;
        if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR" || code === "EISDIR")
            throw changedDuringRun(out);
        throw e;
    }
}
/** An input path that must exist. */
export async function requireInput(p, what = "input") {
    try {
        return await fs.stat(p);
    }
    catch {
        throw new SlyconvError("input-missing", `${what} ${p} does not exist`, { file: p, inMessage: true }, 2);
    }
}
//# sourceMappingURL=safe-output.js.map