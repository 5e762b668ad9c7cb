import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../helpers/paths.js";

interface PackInfo { name: string; version: string; files: { path: string }[] }

/** What `npm pack` would put in the tarball (dist/ as built by `npm test`'s pretest). */
function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8" });
  const [info] = JSON.parse(out) as PackInfo[];
  return info.files.map((f) => f.path).sort();
}

const readme = () => fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
const pkg = () => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as Record<string, any>;

/** Relative link targets of a Markdown text (`[text](target)`), without #anchors; absolute URLs left out. */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith("#")).map((t) => t.split("#")[0]);
}

describe("the published package", () => {
  const files = packedFiles();

  it("holds the binary, the built library with its types, the schemas, the docs, README and LICENSE", () => {
    for (const f of ["package.json", "README.md", "LICENSE", "bin/slyconv.js", "dist/src/index.js", "dist/src/index.d.ts", "dist/src/cli/main.js", "dist/formats/coco/read.js", "schemas/annotation.schema.json", "docs/bad-input.md"]) {
      expect(files, f).toContain(f);
    }
  });

  it("holds no tests, no sources, no fixtures beyond the demo, no bench", () => {
    const allowed = [/^bin\//, /^dist\/src\//, /^dist\/formats\//, /^schemas\//, /^fixtures\/demo\//, /^docs\//, /^(package\.json|README\.md|LICENSE)$/];
    expect(files.filter((f) => !allowed.some((a) => a.test(f)))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|bench)\//.test(f) || /\.test\.(js|ts)$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("ships every file the README links to, so the links work in an installed copy and on the registry page", () => {
    const links = relativeLinks(readme());
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !files.includes(l))).toEqual([]);
  });

  it("names its licence, repository, homepage and issue tracker", () => {
    const p = pkg();
    expect(p.license).toBe("MIT");
    expect(fs.readFileSync(path.join(REPO_ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
    expect(p.repository).toEqual({ type: "git", url: "git+https://github.com/slyconv/slyconv.git" });
    expect(p.homepage).toBe("https://github.com/slyconv/slyconv#readme");
    expect(p.bugs).toEqual({ url: "https://github.com/slyconv/slyconv/issues" });
  });

  it("the README's way to run it without the registry names the tarball npm pack writes", () => {
    const p = pkg();
    expect(readme()).toContain(`npx --package ./${p.name}-${p.version}.tgz slyconv --help`);
    expect(readme()).toMatch(/not on the npm registry yet/);
  });
});
