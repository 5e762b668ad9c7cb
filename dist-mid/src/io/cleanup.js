import { rmSync } from "node:fs";
/**
 * Temporary folders and files (output builds, extracted archives, export staging) that must not outlive the process:
 * removed at exit, and on Ctrl-C/SIGTERM/SIGHUP once the CLI has called handleInterrupts() (the library installs no
 * signal handler: what a signal does is the host program's choice). File operations already in flight on libuv's
 * threads may land for a moment after the first removal, so on a signal everything is removed again just before the
 * process ends.
 */
const registered = new Set();
/** Called first on a signal: stops threads that could still create files in the folders about to be removed. */
const interruptHooks = new Set();
let installed = false;
let handlingSignals = false;
let interruptedBy = null;
/** The signal that is ending this process, if any (the CLI stays quiet about the errors that follow it). */
export function interruptedSignal() {
    return interruptedBy;
}
function removeAllSync(paths) {
    for (const p of paths) {
        try {
            // Synchronous on purpose: this runs while the process is ending.
            rmSync(p, { recursive: true, force: true });
        }
        catch { /* best effort */ }
    }
}
function install() {
    if (installed)
        return;
    installed = true;
    process.on("exit", () => removeAllSync(registered));
}
/**
 * For the CLI: on SIGINT, SIGTERM or SIGHUP, stops the threads that could still create files (onInterrupt hooks),
 * removes every registered temporary folder and exits 130 (SIGINT) or 143.
 */
export function handleInterrupts() {
    if (handlingSignals)
        return;
    handlingSignals = true;
    for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
        process.once(sig, () => {
            interruptedBy = sig;
            for (const hook of interruptHooks) {
                try {
                    hook();
                }
                catch { /* best effort */ }
            }
            const snapshot = [...registered];
            removeAllSync(snapshot);
            setTimeout(() => {
                removeAllSync([...snapshot, ...registered]);
                process.exit(sig === "SIGINT" ? 130 : 143);
            }, 200);
        });
    }
}
/** Removes `path` if the process ends (or is interrupted) before `releaseOnExit(path)` is called. */
export function removeOnExit(path) {
    install();
    registered.add(path);
}
export function releaseOnExit(path) {
    registered.delete(path);
}
/** Runs `hook` (synchronously) when a signal ends the process, before temporary folders are removed. */
export function onInterrupt(hook) {
    install();
    interruptHooks.add(hook);
    return () => interruptHooks.delete(hook);
}
/** True while a process with this id exists (a stale temporary folder's owner is gone when false). */
export function processIsAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === "EPERM";
    }
}
//# sourceMappingURL=cleanup.js.map