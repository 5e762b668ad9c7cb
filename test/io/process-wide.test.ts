/**
 * The library changes nothing process-wide: signal handlers (and exit codes on Ctrl-C) and V8 flags are the CLI's
 * (src/cli/main.ts). A host program that imports and exports through the library keeps its own signal handling.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { importDataset, exportProject } from "../../src/api.js";
import { Report } from "../../src/report.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

describe("the library installs no signal handler", () => {
  it("an import and an export (temporary folders, a writer thread) leave the process's signal listeners as they were", async () => {
    const before = SIGNALS.map((s) => process.listenerCount(s));
    const input = path.join(FIXTURES, "demo", "coco-sample");
    expect(fs.existsSync(input)).toBe(true);
    const out = tempDir();
    await importDataset(input, path.join(out, "project"), { format: "coco", report: new Report() });
    await exportProject(path.join(out, "project"), path.join(out, "voc"), { format: "voc", report: new Report() });
    expect(fs.existsSync(path.join(out, "voc"))).toBe(true);
    expect(SIGNALS.map((s) => process.listenerCount(s))).toEqual(before);
  });
});
