/**
 * FIFOs (named pipes) for tests that hand slyconv one where a file is read. Opening a FIFO for reading waits for a
 * writer, so a reader that forgets O_NONBLOCK hangs. The CLI runs inside the test process (runCli), where such a
 * hang would stop the whole test worker, not one child: FifoGuard ends it from a thread of its own.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { once } from "node:events";
import { Worker } from "node:worker_threads";

export const CAN_MKFIFO = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;

/** Makes every path a FIFO, in one call of mkfifo(1) (Node has no mkfifo of its own). */
export function mkfifos(paths: readonly string[]): void {
  if (paths.length) execFileSync("mkfifo", [...paths]);
}

/*
 * Opening the write end with O_NONBLOCK succeeds only while some reader has the FIFO open (ENXIO otherwise), and it
 * wakes a reader blocked in open(); closing it at once gives that reader end-of-file. A reader that refuses FIFOs
 * (O_NONBLOCK, then fstat) never reads, so the guard changes nothing for it. A thread, not a timer: a reader blocked
 * in a synchronous open holds the test's own thread.
 */
const GUARD_SCRIPT = `
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const { paths, state } = workerData;
const writeEnd = fs.constants.O_WRONLY | fs.constants.O_NONBLOCK;
while (Atomics.load(state, 0) === 0) {
  for (const p of paths) {
    let fd;
    try { fd = fs.openSync(p, writeEnd); } catch { continue; }
    fs.closeSync(fd);
  }
  Atomics.wait(state, 0, 0, 10);
}
`;

/**
 * Keeps any reader of `paths` from blocking: a reader that opens one of them without O_NONBLOCK gets an empty file
 * instead of a hang, so the test fails on what the run reports rather than never ending.
 */
export class FifoGuard {
  private readonly state = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;

  constructor(paths: readonly string[]) {
    this.worker = new Worker(GUARD_SCRIPT, { eval: true, workerData: { paths: [...paths], state: this.state } });
  }

  async stop(): Promise<void> {
    Atomics.store(this.state, 0, 1);
    Atomics.notify(this.state, 0);
    await once(this.worker, "exit");
  }
}
