import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { FIXTURES, REPO_ROOT, diffTrees, tempDir } from "../helpers/paths.js";

/**
 * What a user gets from `npx slyconv`: the packed tarball, installed into an empty folder, must run --help and a
 * real conversion. Needs the npm registry for the dependencies (CI has it).
 */
describe("npm pack → npx in an empty folder", () => {
  it("installs from the tarball and converts the canonical fixture", () => {
    const packDir = tempDir("slyconv-pack-");
    // dist/ is built by `npm test`'s pretest; --ignore-scripts avoids building twice.
    const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], { cwd: REPO_ROOT, encoding: "utf8" });
    const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    const tarball = path.join(packDir, info.filename);
    const packed = info.files.map((f) => f.path);
    expect(packed).toContain("bin/slyconv.js");
    expect(packed).toContain("dist/src/cli/main.js");
    expect(packed.some((p) => p.startsWith("test/") || p.startsWith("src/"))).toBe(false);

    const empty = tempDir("slyconv-npx-");
    const env = { ...process.env, CI: "true", npm_config_yes: "true", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
    const help = spawnSync("npx", ["--yes", "--prefer-offline", "--package", tarball, "slyconv", "--help"], { cwd: empty, encoding: "utf8", env, timeout: 600_000 });
    expect(help.stderr).not.toMatch(/ERR!/);
    if (help.status !== 0) console.error(help.stdout, help.stderr);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: slyconv");

    const src = path.join(FIXTURES, "supervisely/canonical");
    const conv = spawnSync("npx", ["--yes", "--prefer-offline", "--package", tarball, "slyconv", "import", src, "out", "-f", "supervisely", "--images", "copy"], { cwd: empty, encoding: "utf8", env, timeout: 600_000 });
    expect(conv.status).toBe(0);
    expect(conv.stdout).toContain("imported 4 items (supervisely)");
    expect(diffTrees(src, path.join(empty, "out"))).toEqual([]);
    expect(fs.readdirSync(empty)).toEqual(["out"]);
  }, 900_000);
});
