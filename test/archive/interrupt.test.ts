import { beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as tar from "tar";
import { BIN } from "../helpers/cli.js";
import { makePolygonProject } from "../helpers/projects.js";
import { tempDir } from "../helpers/paths.js";

function countFiles(dir: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else n++;
    }
  };
  try {
    walk(dir);
  } catch { /* removed while walking */ }
  return n;
}

interface Run { code: number | null; signal: NodeJS.Signals | null }

/**
 * Starts slyconv and sends `signal` once `ready()` returns true (polled every 10 ms); resolves with how it ended.
 * TMPDIR is private, so extraction folders can be checked afterwards.
 */
async function startAndSignal(args: string[], tmp: string, ready: () => boolean, signal: NodeJS.Signals): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CI: "true", TMPDIR: tmp }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (c) => (stderr += c));
  const ended = new Promise<Run>((resolve) => child.on("exit", (code, sig) => resolve({ code, signal: sig })));
  for (let tries = 0; tries < 3000; tries++) {
    if (ready()) {
      child.kill(signal);
      return ended;
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill("SIGKILL");
  throw new Error(`slyconv finished or never started before it could be interrupted (exit ${child.exitCode}; stderr: ${stderr.trim() || "empty"})`);
}

const scratchDirs = (tmp: string) => fs.readdirSync(tmp).filter((n) => n.startsWith("slyconv-extract-"));
const extractedFiles = (tmp: string) => scratchDirs(tmp).reduce((n, d) => n + countFiles(path.join(tmp, d)), 0);

describe("interrupting archive work", () => {
  let archive: string;
  let small: string;
  let project: string;
  beforeAll(async () => {
    project = tempDir("slyconv-int-src-");
    makePolygonProject(project, 1000);
    archive = path.join(tempDir(), "big.tar");
    await tar.c({ file: archive, cwd: project }, ["meta.json", "ds"]);
    const tiny = tempDir("slyconv-int-tiny-");
    makePolygonProject(tiny, 3);
    small = path.join(tempDir(), "small.tar.gz");
    await tar.c({ file: small, cwd: tiny, gzip: true }, ["meta.json", "ds"]);
  });

  it("Ctrl-C while extracting removes the extraction folder and exits 130", async () => {
    const tmp = tempDir("slyconv-int-tmp-");
    const parent = tempDir();
    const run = await startAndSignal(["import", archive, path.join(parent, "out"), "-f", "supervisely"], tmp, () => extractedFiles(tmp) >= 200, "SIGINT");
    expect(run.code).toBe(130);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it("Ctrl-C while writing the import removes both the extraction folder and the temporary output", async () => {
    const tmp = tempDir("slyconv-int-tmp-");
    const parent = tempDir();
    const writing = () => {
      const t = fs.readdirSync(parent).find((n) => n.includes(".slyconv-tmp-"));
      return t !== undefined && countFiles(path.join(parent, t)) >= 200;
    };
    const run = await startAndSignal(["import", archive, path.join(parent, "out"), "-f", "supervisely"], tmp, writing, "SIGINT");
    expect(run.code).toBe(130);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it("Ctrl-C while staging an export --archive leaves nothing beside the output", async () => {
    const tmp = tempDir("slyconv-int-tmp-");
    const parent = tempDir();
    const staging = () => {
      const t = fs.readdirSync(parent, { withFileTypes: true }).find((d) => d.name.includes(".slyconv-tmp-") && d.isDirectory());
      return t !== undefined && countFiles(path.join(parent, t.name)) >= 200;
    };
    const run = await startAndSignal(["export", project, path.join(parent, "out"), "-f", "supervisely", "--archive", "zip"], tmp, staging, "SIGINT");
    expect(run.code).toBe(130);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it("SIGKILL leaves the extraction folder behind; the next run sweeps it", async () => {
    const tmp = tempDir("slyconv-int-tmp-");
    const parent = tempDir();
    const run = await startAndSignal(["import", archive, path.join(parent, "out"), "-f", "supervisely"], tmp, () => extractedFiles(tmp) >= 200, "SIGKILL");
    expect(run.signal).toBe("SIGKILL");
    expect(scratchDirs(tmp)).toHaveLength(1);
    // Any later extraction (here of another, small archive) removes folders whose process is gone.
    const next = spawn(process.execPath, [BIN, "import", small, path.join(parent, "out"), "-f", "supervisely"], { env: { ...process.env, CI: "true", TMPDIR: tmp }, stdio: "ignore" });
    expect(await new Promise((r) => next.on("exit", r))).toBe(0);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.readdirSync(path.join(parent, "out/ds/ann"))).toHaveLength(3);
  });
});
