import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Finding } from "../../src/report.js";
import { Report } from "../../src/report.js";
import { validateProject } from "../../src/validate/index.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixturesDir = path.join(repoRoot, "fixtures/validate");

export interface ExpectedFinding { severity: string; code: string; file: string; pointer: string; line?: number }

/** Case folders of fixtures/validate/<kind>/, by name. */
export function fixtureCases(kind: "valid" | "broken"): string[] {
  return fs.readdirSync(path.join(fixturesDir, kind)).filter((n) => fs.statSync(path.join(fixturesDir, kind, n)).isDirectory()).sort();
}

export function readExpected(dir: string): { items?: number; findings: ExpectedFinding[] } {
  return JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8"));
}

/** The fields a fixture pins down, in a stable order so that two lists compare as sets. */
export function comparable(findings: readonly (Finding | ExpectedFinding)[], withLine: boolean): string[] {
  return findings
    .map((f) => JSON.stringify({ severity: f.severity, code: f.code, file: f.file, pointer: f.pointer, ...(withLine && f.line !== undefined ? { line: f.line } : {}) }))
    .sort();
}

export async function validate(dir: string) {
  const report = new Report(Number.MAX_SAFE_INTEGER);
  const { items } = await validateProject(dir, { report });
  return { report, items, findings: report.findings };
}
