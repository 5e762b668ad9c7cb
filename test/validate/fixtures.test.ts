import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../../src/validate/index.js";
import { comparable, fixtureCases, fixturesDir, readExpected, repoRoot, validate } from "./helpers.js";

describe("valid fixtures", () => {
  for (const name of fixtureCases("valid")) {
    it(`${name} validates with no finding`, async () => {
      const dir = path.join(fixturesDir, "valid", name);
      const expected = readExpected(dir);
      const { findings, items, report } = await validate(dir);
      expect(findings).toEqual([]);
      expect(report.errorCount + report.warningCount).toBe(0);
      expect(items).toBe(expected.items);
    });
  }
});

describe("broken fixtures: exactly the intended findings", () => {
  for (const name of fixtureCases("broken")) {
    it(name, async () => {
      const dir = path.join(fixturesDir, "broken", name);
      const expected = readExpected(dir).findings;
      const { findings } = await validate(dir);
      expect(comparable(findings, true)).toEqual(comparable(expected, true));
      // Each fixture is about its own check, and every finding says something.
      expect(new Set(findings.map((f) => f.code))).toEqual(new Set([name]));
      for (const f of findings) {
        expect(f.message.length).toBeGreaterThan(10);
        expect(f.severity).toBe(CHECKS[f.code as keyof typeof CHECKS].severity);
      }
    });
  }
});

describe("fixture coverage", () => {
  // These two cannot be committed portably (a dangling symlink; names differing only in case break checkouts on
  // macOS and Windows), so runtime-cases.test.ts builds them in a temporary folder.
  const builtAtRuntime = new Set(["file-unreadable", "duplicate-item-case"]);

  it("every check has a broken fixture named after its code", () => {
    const missing = Object.keys(CHECKS).filter((code) => !builtAtRuntime.has(code) && !fixtureCases("broken").includes(code));
    expect(missing).toEqual([]);
  });

  it("every broken fixture is named after a check", () => {
    expect(fixtureCases("broken").filter((n) => !(n in CHECKS))).toEqual([]);
  });

  it("docs/validate.md lists every code with its severity, and no other", () => {
    const doc = fs.readFileSync(path.join(repoRoot, "docs/validate.md"), "utf8");
    const rows = [...doc.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]);
    const table = Object.entries(CHECKS).map(([code, c]) => [code, c.severity]);
    expect(rows.sort()).toEqual(table.sort());
  });

  it("findings come out in a stable order (datasets, then items by name, then pointers in file order)", async () => {
    const dir = path.join(fixturesDir, "broken", "tag-value-type");
    const { findings } = await validate(dir);
    expect(findings.map((f) => f.pointer)).toEqual([
      "/tags/0/value", "/tags/1/value", "/tags/2/value", "/tags/3/value", "/tags/4/value", "/objects/0/tags/0",
    ]);
  });
});
