import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT, listFiles } from "../helpers/paths.js";

/** README.md and every Markdown file under docs/, as [relative path, text]. */
function docs(root: string): [string, string][] {
  const files = ["README.md", ...listFiles(path.join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
  return files.map((f) => [f, fs.readFileSync(path.join(root, f), "utf8")]);
}

/**
 * The prose of a Markdown text: fenced code blocks (commands and what they print) and inline code spans blanked out,
 * line breaks kept so that line numbers still hold. `file:2:26` positions and timestamps in printed output stay legal.
 */
function prose(text: string): string {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, " "))
    .replace(/(`+)[^`\n]+?\1/g, (span) => " ".repeat(span.length));
}

/** A clock time such as 08:31 or 8:31 (not a line:column pair, not part of a longer number or name). */
const CLOCK_TIME = /(?<![\w:.#/-])([01]?\d|2[0-3]):[0-5]\d(?![\w:])/g;

function clockTimes(text: string): { line: number; match: string }[] {
  const found: { line: number; match: string }[] = [];
  prose(text).split("\n").forEach((l, i) => {
    for (const m of l.matchAll(CLOCK_TIME)) found.push({ line: i + 1, match: m[0] });
  });
  return found;
}

describe("docs describe the code as it is", () => {
  it("the clock-time check finds clock times in prose and nothing in code", () => {
    expect(clockTimes("Run at 08:31 and at 8:41 UTC.\n(02:42–07:39)\n| 04:20 (`-- \"coco import\"`) |")).toEqual([
      { line: 1, match: "08:31" }, { line: 1, match: "8:41" }, { line: 2, match: "02:42" }, { line: 2, match: "07:39" },
      { line: 3, match: "04:20" },
    ]);
    expect(clockTimes("`a.json:2:26: malformed`\n```sh\n$ slyconv x\n12:00:01 started\n```\nratio 1:1, see x.json:12:30")).toEqual([]);
  });

  it("README.md and docs/ contain no clock times outside code (the git log is the history)", () => {
    const hits = docs(REPO_ROOT).flatMap(([file, text]) => clockTimes(text).map((h) => `${file}:${h.line}: ${h.match}`));
    expect(hits, "docs say how things work and what the current numbers are; history belongs in the git log").toEqual([]);
  });

  it("docs/ARCHITECTURE.md and docs/architecture/ name every module of src/ and formats/, and only modules that exist", () => {
    const pages = ["docs/ARCHITECTURE.md", ...listFiles(path.join(REPO_ROOT, "docs/architecture")).filter((f) => f.endsWith(".md")).map((f) => `docs/architecture/${f}`)];
    const arch = pages.map((p) => fs.readFileSync(path.join(REPO_ROOT, p), "utf8")).join("\n");
    const modules = ["src", "formats"].flatMap((d) => listFiles(path.join(REPO_ROOT, d)).filter((f) => f.endsWith(".ts")).map((f) => `${d}/${f}`));
    const named = new Set([...arch.matchAll(/\b(?:src|formats)\/[\w/.-]+\.ts\b/g)].map((m) => m[0]));
    const missing = modules.filter((m) => !named.has(m));
    expect(missing, "add a line for each new module to docs/architecture/modules-src.md or modules-formats.md").toEqual([]);
    const gone = [...named].filter((m) => !modules.includes(m));
    expect(gone, "docs/ARCHITECTURE.md or docs/architecture/ names modules that do not exist").toEqual([]);
  });

  it("every page is under 20,000 bytes (a reader skims; each page says one thing)", () => {
    const big = docs(REPO_ROOT).filter(([, text]) => Buffer.byteLength(text) >= 20_000).map(([file, text]) => `${file}: ${Buffer.byteLength(text)} bytes`);
    expect(big, "split the page by topic and link the parts from it").toEqual([]);
  });

  it("every relative link of README.md and docs/ points at a file that exists", () => {
    const broken = docs(REPO_ROOT).flatMap(([file, text]) =>
      [...prose(text).matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)].map((m) => m[1])
        .filter((target) => !/^[a-z]+:/.test(target) && !fs.existsSync(path.join(REPO_ROOT, path.dirname(file), target)))
        .map((target) => `${file}: ${target}`));
    expect(broken).toEqual([]);
  });
});
