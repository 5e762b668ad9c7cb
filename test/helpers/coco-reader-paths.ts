/**
 * The COCO reader takes one of several paths by its tuning (all rows parsed here, a parse thread, claim-back of a
 * thread's blocks); a test of what every path must do runs its check once per tuning through onEveryReaderPath.
 */
import os from "node:os";
import { expect } from "vitest";
import { readerStats, readerTuning } from "../../formats/coco/annotation-store.js";

export type ReaderTuning = Partial<typeof readerTuning>;

const defaults = { ...readerTuning };

/**
 * Runs `check` with readerTuning set to the defaults plus each of `tunings` (named to `check` for its messages), puts
 * the defaults back after, and checks that the thread paths (parallelRows 1) did take blocks where threads can run.
 */
export async function onEveryReaderPath(tunings: ReaderTuning[], check: (name: string) => Promise<void>): Promise<void> {
  const threads = os.availableParallelism() >= 2 && !process.env.SLYCONV_NO_WORKERS;
  try {
    for (const tuning of tunings) {
      Object.assign(readerTuning, defaults, tuning);
      const name = JSON.stringify(tuning);
      const before = readerStats.threadBlocks + readerStats.claimedBlocks;
      await check(name);
      if (threads && tuning.parallelRows === 1) expect(readerStats.threadBlocks + readerStats.claimedBlocks, `blocks taken by threads, ${name}`).toBeGreaterThan(before);
    }
  } finally {
    Object.assign(readerTuning, defaults);
  }
}
