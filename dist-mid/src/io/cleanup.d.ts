/** The signal that is ending this process, if any (the CLI stays quiet about the errors that follow it). */
export declare function interruptedSignal(): NodeJS.Signals | null;
/**
 * For the CLI: on SIGINT, SIGTERM or SIGHUP, stops the threads that could still create files (onInterrupt hooks),
 * removes every registered temporary folder and exits 130 (SIGINT) or 143.
 */
export declare function handleInterrupts(): void;
/** Removes `path` if the process ends (or is interrupted) before `releaseOnExit(path)` is called. */
export declare function removeOnExit(path: string): void;
export declare function releaseOnExit(path: string): void;
/** Runs `hook` (synchronously) when a signal ends the process, before temporary folders are removed. */
export declare function onInterrupt(hook: () => void): () => void;
/** True while a process with this id exists (a stale temporary folder's owner is gone when false). */
export declare function processIsAlive(pid: number): boolean;
