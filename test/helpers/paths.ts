import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

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

export function tempDir(prefix = "slyconv-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file under a folder, relative, sorted, with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
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
