import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BIN } from "../helpers/cli.js";
import { makePolygonProject } from "../helpers/projects.js";
import { diffTrees, tempDir } from "../helpers/paths.js";

function tmpSiblings(parent: string): string[] {
  return fs.readdirSync(parent).filter((n) => n.includes(".slyconv-"));
}

/** Starts an import and kills it with `signal` once its temporary folder holds `after` annotation files. */
async function startAndKill(src: string, out: string, extra: string[], signal: NodeJS.Signals, after = 200, stdout?: string[]): Promise<number | null> {
  const child = spawn(process.execPath, [BIN, ...(stdout ? ["--json"] : []), "import", src, out, "-f", "supervisely", ...extra], { env: { ...process.env, CI: "true" }, stdio: ["ignore", stdout ? "pipe" : "ignore", "ignore"] });
  child.stdout?.on("data", (d) => stdout!.push(String(d)));
  const parent = path.dirname(out);
  const exited = new Promise<number | null>((resolve) => child.on("close", (code, sig) => resolve(code ?? (sig ? -1 : null))));
  for (let tries = 0; tries < 1500; tries++) {
    const tmp = tmpSiblings(parent).find((n) => n.includes("slyconv-tmp"));
    if (tmp) {
      // Items without an image are written into ds-no-image while the dataset streams (the SDK's layout), and the
      // folder takes the name ds at the end when no item of ds had an image.
      const written = ["ds/ann", "ds-no-image/ann"].map((d) => path.join(parent, tmp, d)).filter((d) => fs.existsSync(d))
        .reduce((n, d) => n + fs.readdirSync(d).length, 0);
      if (written >= after) {
        child.kill(signal);
        return exited;
      }
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill("SIGKILL");
  throw new Error("the import finished or never started before it could be interrupted");
}

describe("crash safety", () => {
  const src = tempDir("slyconv-crash-src-");
  makePolygonProject(src, 4000);

  it("SIGKILL mid-write leaves no output; the next run cleans the leftovers and completes", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    await startAndKill(src, out, [], "SIGKILL");
    expect(fs.existsSync(out)).toBe(false);
    expect(tmpSiblings(parent).length).toBe(1); // a killed process cannot clean up…
    const done = spawn(process.execPath, [BIN, "import", src, out, "-f", "supervisely"], { stdio: "ignore" });
    expect(await new Promise((r) => done.on("exit", r))).toBe(0);
    expect(tmpSiblings(parent)).toEqual([]); // …the next run does
    expect(fs.readdirSync(path.join(out, "ds/ann")).length).toBe(4000);
  });

  it("--force replaces an output only when the new one is complete: SIGKILL keeps the previous one", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    const first = spawn(process.execPath, [BIN, "import", src, out, "-f", "supervisely"], { stdio: "ignore" });
    expect(await new Promise((r) => first.on("exit", r))).toBe(0);
    const snapshot = tempDir();
    fs.cpSync(out, snapshot, { recursive: true });
    await startAndKill(src, out, ["--force"], "SIGKILL");
    expect(diffTrees(snapshot, out)).toEqual([]);
  });

  it("Ctrl-C (SIGINT) removes the temporary folder and exits 130", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    const code = await startAndKill(src, out, [], "SIGINT");
    expect(code).toBe(130);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it("Ctrl-C with --json still prints exactly one JSON object on stdout", async () => {
    const parent = tempDir();
    const stdout: string[] = [];
    expect(await startAndKill(src, path.join(parent, "out"), [], "SIGINT", 200, stdout)).toBe(130);
    expect(JSON.parse(stdout.join(""))).toEqual({ ok: false, command: "import", exitCode: 130, error: { code: "interrupted", message: "interrupted by SIGINT", file: null, line: null, column: null, pointer: null } });
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it("a run killed between moving the old output aside and renaming the new one gets the old one back", async () => {
    const parent = tempDir();
    const out = path.join(parent, "out");
    fs.mkdirSync(path.join(parent, ".out.slyconv-old-999999999-abcd"));
    fs.writeFileSync(path.join(parent, ".out.slyconv-old-999999999-abcd", "previous.txt"), "complete");
    const { recoverInterruptedOutput } = await import("../../src/io/safe-output.js");
    await recoverInterruptedOutput(out);
    expect(fs.readFileSync(path.join(out, "previous.txt"), "utf8")).toBe("complete");
    expect(tmpSiblings(parent)).toEqual([]);
  });
});
