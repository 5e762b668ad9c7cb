/**
 * Extreme-value fuzzing through the CLI, each run a child process bounded in time and memory (issue 18): numbers at
 * the edges (1e300, -0, 2^53, "NaN" as text), sizes of 10^5, names of 300 bytes and with leading dots, files
 * replaced by FIFOs (test/fuzz/harness.ts, extremeChangeArbitrary). A run is `slyconv --json import` of the mutated
 * copy, or `convert` into a format that draws masks (where one number used to hang the export), with a 512 MB heap
 * and a time limit. Checked for every run:
 * - the exit code is 0, 1 or 2 (never 70, a crash or a signal) and the run ends before the time limit (no hang);
 * - nothing beside the output, in the input, or in the folders above it is created, changed or removed;
 * - `--json` prints one object when the run succeeds (and whatever it prints otherwise parses); for an import that
 *   succeeded, written = read: the items and labels the reader handed to the writer (stats.itemsRead,
 *   labelsPerClass) are the items and objects of the written project (what a reader drops it reports as a finding).
 */
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { listFiles, tempDir } from "../helpers/paths.js";
import { runBounded } from "../helpers/bounded-run.js";
import { extremeChangeArbitrary, OUTSIDE_CONTENT, setUpChangedInput, snapshot, type Change } from "./harness.js";

export interface ChildFuzzCase {
  format: string;
  fixture: string;
  targets: string[];
  /** Extra CLI options for the import (format options). */
  args?: string[];
}

/** One run's time limit: far above a normal run (about a second), on a machine loaded many times over. */
const RUN_TIMEOUT_MS = 60_000;
const HEAP_MB = 512;

type Command = "import" | "convert-voc" | "convert-masks" | "convert-coco";

function describe(change: Change): string {
  return String((change.mutate as unknown as Record<symbol, () => string>)[fc.toStringMethod]?.() ?? "mutation");
}

/** Runs one mutated case through the CLI; throws on a forbidden outcome. */
export async function runChildCase(c: ChildFuzzCase, change: Change, command: Command): Promise<number> {
  const work = tempDir("slyconv-xfuzz-");
  try {
    const { copy, outside, outParent, isOutput } = setUpChangedInput(work, c.fixture, change);
    const out = path.join(outParent, "out");
    const before = snapshot(work, isOutput);
    const args = command === "import"
      ? ["--json", "import", copy, out, "-f", c.format, "--images", "copy", ...(c.args ?? [])]
      : ["--json", "convert", copy, out, "--from", c.format, "--to", command.slice("convert-".length), ...(c.args ?? [])];
    const r = await runBounded(args, { heapMb: HEAP_MB, timeoutMs: RUN_TIMEOUT_MS, cwd: work });
    const what = `${c.format} ${command}: ${describe(change)} of ${change.target}`;
    if (r.timedOut) throw new Error(`${what}: no end after ${RUN_TIMEOUT_MS / 1000} s (a hang)`);
    if (r.code === null || ![0, 1, 2].includes(r.code)) throw new Error(`${what}: exit ${r.code ?? r.signal}\n${r.stderr.slice(0, 2000)}`);
    const after = snapshot(work, isOutput);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    if (changed.length) throw new Error(`${what}: files outside the output changed: ${changed.join(", ")}`);
    if (fs.readFileSync(outside, "utf8") !== OUTSIDE_CONTENT) throw new Error(`${what}: the file outside the input was written through a symlink`);
    const siblings = fs.readdirSync(outParent);
    if (siblings.some((s) => s !== "out")) throw new Error(`${what}: left ${siblings} beside the output`);
    // A failed run may print nothing on stdout yet (issue 18 point 8 is another change); whatever it prints parses.
    if (r.code === 0 || r.stdout.trim()) {
      let summary: { stats?: Record<string, number>; labelsPerClass?: Record<string, number> };
      try {
        summary = JSON.parse(r.stdout);
      } catch {
        throw new Error(`${what}: --json printed no single JSON object (exit ${r.code}): ${JSON.stringify(r.stdout.slice(0, 300))}`);
      }
      if (r.code === 0 && command === "import") assertWrittenIsRead(out, summary, what);
    }
    return r.code;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The written project holds exactly the items and labels the reader handed to the writer. */
function assertWrittenIsRead(out: string, summary: { stats?: Record<string, number>; labelsPerClass?: Record<string, number> }, what: string): void {
  const anns = listFiles(out).filter((f) => /(^|\/)ann\/[^/]+\.json$/.test(f));
  const itemsRead = summary.stats?.itemsRead ?? 0;
  if (anns.length !== itemsRead) throw new Error(`${what}: ${itemsRead} items read but ${anns.length} annotation files written`);
  const labelsRead = Object.values(summary.labelsPerClass ?? {}).reduce((a, b) => a + b, 0);
  let written = 0;
  for (const f of anns) written += (JSON.parse(fs.readFileSync(path.join(out, f), "utf8")).objects ?? []).length;
  if (written !== labelsRead) throw new Error(`${what}: ${labelsRead} labels read but ${written} objects written`);
}

/**
 * fast-check property: `runs` extreme changes of the fixture, each through the CLI in a bounded child. It fails on
 * the first run with a forbidden outcome (runChildCase throws).
 */
export async function fuzzInChildren(c: ChildFuzzCase, runs: number, seed: number): Promise<void> {
  if (process.env.SLYCONV_FUZZ_SEED) seed += Number(process.env.SLYCONV_FUZZ_SEED);
  const commands = fc.constantFrom<Command>("import", "import", "convert-voc", "convert-masks", "convert-coco");
  await fc.assert(
    fc.asyncProperty(extremeChangeArbitrary(c.targets), commands, async (change, command) => {
      await runChildCase(c, change, command);
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
}
