import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT, listFiles, tempDir } from "../helpers/paths.js";

/**
 * docs/api/ (one page per exported member, docs/api/index.md listing them) is what `npm run docs` makes from the current sources: TypeDoc is installed under tools/api-docs (it
 * needs the TypeScript 6 compiler API; the project compiles with TypeScript 7) and writes into a scratch folder here.
 * Needs the npm registry for the install (CI has it).
 */
describe("the API reference", () => {
  it("npm run docs generates it, and docs/api/ documents only what is exported", () => {
    const tools = path.join(REPO_ROOT, "tools/api-docs");
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", tools], { cwd: REPO_ROOT, stdio: "pipe" });
    const out = tempDir("slyconv-api-docs-");
    execFileSync(process.execPath, [path.join(tools, "node_modules/typedoc/bin/typedoc"), "--options", path.join(tools, "typedoc.json"), "--out", out], { cwd: REPO_ROOT, stdio: "pipe" });
    // Every function and type the committed reference documents is still exported (a doc comment that changed is
    // not an error here: `npm run docs` picks it up).
    // Each page's title names one member ("# Function: exportProject()"); members are gathered across the pages.
    const titles = (dir: string) => listFiles(dir).filter((f) => f.endsWith(".md")).flatMap((f) =>
      [...fs.readFileSync(path.join(dir, f), "utf8").matchAll(/^# [\w ]+: (\S+)/gm)].map((m) => m[1]));
    const fresh = titles(out);
    const committed = titles(path.join(REPO_ROOT, "docs/api"));
    expect(fresh).toContain("exportProject()");
    expect(fresh).toContain("WriteOptionsByFormat");
    expect(committed.filter((h) => !fresh.includes(h)), "run npm run docs and commit docs/api/").toEqual([]);
  }, 600_000);
});
