import fs from "node:fs/promises";
import { processIsAlive, releaseOnExit, removeOnExit } from "./cleanup.js";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
function scratchHandle(dir) {
    removeOnExit(dir);
    let removed = false;
    return {
        path: dir,
        async remove() {
            if (removed)
                return;
            try {
                await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 });
                removed = true;
                releaseOnExit(dir);
            }
            catch { /* stays registered; removed at exit */ }
        },
    };
}
/** Removes `<prefix><pid>-<hex>` folders left in `parent` by runs that were killed before they could clean up. */
async function sweepAbandoned(parent, prefix) {
    let names;
    try {
        names = await fs.readdir(parent);
    }
    catch {
        return;
    }
    const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d+)-[0-9a-f]+$`);
    for (const name of names) {
        const m = pattern.exec(name);
        if (m && !processIsAlive(Number(m[1])))
            await fs.rm(path.join(parent, name), { recursive: true, force: true }).catch(() => { });
    }
}
/**
 * Creates `<parent>/<prefix><pid>-<hex>` (parent defaults to the OS temp folder, which TMPDIR moves), first removing
 * folders of the same prefix whose process is gone.
 */
export async function createScratchDir(prefix, parent = os.tmpdir()) {
    await sweepAbandoned(parent, prefix);
    const dir = path.join(parent, `${prefix}${process.pid}-${randomBytes(4).toString("hex")}`);
    await fs.mkdir(dir);
    return scratchHandle(dir);
}
/**
 * Creates a scratch folder beside `output`, named the way safe-output.ts names its temporary outputs
 * (`.<name>.slyconv-tmp-<pid>-<hex>`), so that recoverInterruptedOutput also removes it after a run that was
 * killed outright (SIGKILL, power loss) and had no chance to clean up.
 */
export async function createScratchDirBeside(output) {
    const target = path.resolve(output);
    const dir = path.join(path.dirname(target), `.${path.basename(target)}.slyconv-tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
    await fs.mkdir(dir);
    return scratchHandle(dir);
}
//# sourceMappingURL=archive-scratch.js.map