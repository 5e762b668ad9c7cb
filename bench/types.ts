/**
 * A benchmark case: `prepare` generates its input under dataDir (once; skip when already there), `run` does the
 * conversion being measured. The runner (bench/run.ts) runs each `run` in a child process of its own so that wall
 * time and peak RSS belong to that conversion alone.
 */
export interface BenchCase {
  /** e.g. "coco import train2017-shape" */
  name: string;
  /** Targets from the issues, printed next to the measurement, e.g. "≤ 45 s, ≤ 1.5 GB RSS". */
  target?: string;
  prepare(dataDir: string): Promise<void>;
  run(dataDir: string, outDir: string): Promise<{ items: number }>;
}
