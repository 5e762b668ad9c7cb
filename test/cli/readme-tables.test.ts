import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { formatsTable, optionKeysTable } from "../../src/cli/formats-table.js";
import { REPO_ROOT } from "../helpers/paths.js";

function between(text: string, name: string): string {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  expect(start, `no ${name} markers`).toBeGreaterThanOrEqual(0);
  return text.slice(text.indexOf("\n", start) + 1, end).trim();
}

describe("README and docs tables stay true", () => {
  it("the formats table is the one `slyconv formats` prints from the adapters", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    expect(between(readme, "formats-table")).toBe(formatsTable().trim());
  });

  it("the library option keys table (docs/library.md) is made from the adapters' option declarations", () => {
    const library = fs.readFileSync(path.join(REPO_ROOT, "docs/library.md"), "utf8");
    expect(between(library, "option-keys")).toBe(optionKeysTable().trim());
  });
});
