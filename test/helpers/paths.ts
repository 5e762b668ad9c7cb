import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OUTPUT_MARKER } from "../../src/io/safe-output.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = path.join(REPO_ROOT, "fixtures");
/** Real datasets from other tools, kept outside the project (never copied in). */
export const REAL_DATA = path.resolve(REPO_ROOT, "../shared/real-data");
export const HAVE_REAL_DATA = fs.existsSync(path.join(REAL_DATA, "expected.json"));
export const REAL_DATA_SKIP_MESSAGE = `real-data cases skipped: ${REAL_DATA} is absent`;
if (!HAVE_REAL_DATA) console.warn(REAL_DATA_SKIP_MESSAGE);

export function realData(...parts: string[]): string {
  return path.join(REAL_DATA, ...parts);
}

export function expectedFacts(): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(REAL_DATA, "expected.json"), "utf8"));
}

/** Folders made by tempDir in this test file's run, removed after it (test/setup.ts). */
const madeDirs = new Set<string>();

export function removeTempDirs(): void {
  for (const d of madeDirs) {
    try {
      fs.rmSync(d, { recursive: true, force: true });
    } catch { /* best effort */ }
  }
  madeDirs.clear();
}

/**
 * A fresh folder under the OS temp folder, removed after the test file's tests (leftovers of thousands of test runs
 * filled this machine's temp folder with 30 GB, which slowed down every file created there).
 */
export function tempDir(prefix = "slyconv-test-"): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.add(d);
  return d;
}

/** Every file under a folder, relative, sorted, with forward slashes; the output marker slyconv writes at the top is left out. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (d === dir && e.name === OUTPUT_MARKER) continue;
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** The Supervisely annotation files (`ann/*.json`) under a folder, as full paths. */
export function annotationFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith(".json") && f.split("/").at(-2) === "ann").map((f) => path.join(dir, f));
}

/** Asserts two folders hold the same files with the same bytes; returns the differing files. */
export function diffTrees(a: string, b: string): string[] {
  const fa = listFiles(a), fb = listFiles(b);
  const diffs = [...fa.filter((f) => !fb.includes(f)).map((f) => `only in first: ${f}`), ...fb.filter((f) => !fa.includes(f)).map((f) => `only in second: ${f}`)];
  for (const f of fa.filter((x) => fb.includes(x))) {
    if (!fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f)))) diffs.push(`differs: ${f}`);
  }
  return diffs;
}
