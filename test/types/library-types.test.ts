/**
 * The library's option types (src/format-options.ts), checked by the compiler: good.ts must compile, and every line of
 * bad.ts marked `// error TSxxxx` must fail with that error (and no other line may fail). Both are one program
 * (test/types/tsconfig.json): neither imports the other, so each file's errors are its own.
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../helpers/paths.js";

const TSC = path.join(REPO_ROOT, "node_modules/.bin/tsc");
const HERE = path.join(REPO_ROOT, "test/types");

/** tsc's errors for good.ts and bad.ts (one program: the compiler starts once), as "file.ts:line TScode". */
async function compile(): Promise<{ code: number; errors: string[]; output: string }> {
  const r = await promisify(execFile)(TSC, ["-p", path.join(HERE, "tsconfig.json")], { cwd: REPO_ROOT }).then(
    (ok) => ({ code: 0, output: ok.stdout + ok.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
  );
  const errors = [...r.output.matchAll(/^test\/types\/(\w+)\.ts\((\d+),\d+\): error (TS\d+)/gm)].map((m) => `${m[1]}.ts:${m[2]} ${m[3]}`);
  return { ...r, errors };
}

describe("library option types", () => {
  it("typed calls compile, and deliberate mistakes fail with the expected errors", async () => {
    const { code, errors, output } = await compile();
    // Every error the compiler printed is one of bad.ts's (nothing in good.ts, nothing about the setup).
    expect(output.split("\n").filter((l) => /error TS\d+/.test(l) && !l.startsWith("test/types/bad.ts("))).toEqual([]);
    expect(errors.filter((e) => e.startsWith("good.ts"))).toEqual([]);

    const expected = fs.readFileSync(path.join(HERE, "bad.ts"), "utf8").split("\n")
      .map((line, i) => /\/\/ error (TS\d+)/.exec(line) && `bad.ts:${i + 1} ${/\/\/ error (TS\d+)/.exec(line)![1]}`)
      .filter((e): e is string => Boolean(e));
    expect(expected.length).toBeGreaterThanOrEqual(10);
    expect(code).not.toBe(0);
    expect([...new Set(errors)]).toEqual(expected);
  }, 120_000);
});
