/**
 * The layers point one way: src/ (model, io, codecs, validate, the Supervisely layout in src/supervisely, the library
 * and the CLI) never imports a format's files, except the registry that lists them; a format imports src/ and its own
 * files, never another format's. Supervisely is a format like the others; what the whole project shares about its
 * layout and geometries lives in src/supervisely/.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/paths.js";
import { GEOMETRY_RULES } from "../../src/supervisely/geometry-rules.js";

/** Every .ts file under a folder of the repository, relative to it. */
function tsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(REPO_ROOT, rel), { withFileTypes: true })) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The relative modules a file imports (static, dynamic and type-only), as repository paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
  const specs = [
    ...text.matchAll(/\b(?:import|export)\b[^"'`;]*?\bfrom\s*["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
  ].map((m) => m[1]);
  return specs.filter((s) => s.startsWith(".")).map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)));
}

const formatOf = (p: string) => (p.startsWith("formats/") ? p.split("/")[1] : undefined);

describe("layers", () => {
  it("finds the imports it checks (a file it knows imports formats/)", () => {
    expect(importsOf("src/registry.ts")).toContain("formats/supervisely/index.js");
    expect(importsOf("formats/supervisely/read.ts")).toContain("src/supervisely/layout.js");
  });

  it("no file of src/ other than src/registry.ts imports formats/", () => {
    const offending = tsFiles("src").filter((f) => f !== "src/registry.ts").flatMap((f) => importsOf(f).filter((i) => i.startsWith("formats/")).map((i) => `${f} → ${i}`));
    expect(offending).toEqual([]);
  });

  it("no format imports another format's files", () => {
    const offending = tsFiles("formats").flatMap((f) => importsOf(f).filter((i) => formatOf(i) !== undefined && formatOf(i) !== formatOf(f)).map((i) => `${f} → ${i}`));
    expect(offending).toEqual([]);
  });
});

describe("one table of geometry rules", () => {
  it("the annotation schema asks for the payloads of the table, and only those", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schemas/annotation.schema.json"), "utf8"));
    const required = (schema.definitions.label.anyOf as { required: string[] }[]).map((a) => a.required[0]).sort();
    const firstKeys = [...new Set(Object.values(GEOMETRY_RULES).map((r) => r.payload[0]))].sort();
    expect(required).toEqual(firstKeys);
  });

  it("the reader and validate take their rules from it (neither lists geometries or payload keys of its own)", () => {
    for (const f of ["formats/supervisely/json-model.ts", "src/validate/geometry-checks.ts"]) {
      const text = fs.readFileSync(path.join(REPO_ROOT, f), "utf8");
      expect(text, f).toContain("supervisely/geometry-rules.js");
      expect(text, f).not.toMatch(/PAYLOAD_KEYS|RING_TYPES|SHAPE_FIRST/);
    }
  });
});
