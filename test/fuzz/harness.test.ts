/**
 * The fuzz harness itself: a harness that cannot fail proves nothing. Each forbidden outcome is staged by a fake
 * importer (in place of importDataset) and must make runChanged, and a fuzzReader property, fail.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { SlyconvError, UsageError } from "../../src/errors.js";
import { FIXTURES } from "../helpers/paths.js";
import { fuzzReader, OUTSIDE_CONTENT, runChanged, type Change, type FuzzCase, type Importer } from "./harness.js";

const fixture = path.join(FIXTURES, "links/txt");
const target = fs.readdirSync(fixture)[0];
const unchanged: Change = { kind: "bytes", target, mutate: (b) => b };
const toOutside: Change = {
  kind: "tree", target, mutate: (input, t, outside) => {
    fs.rmSync(path.join(input, t));
    fs.symlinkSync(outside, path.join(input, t));
  },
};
const withImporter = (importer: Importer, timeoutMs?: number): FuzzCase => ({ format: "links", fixture, targets: [target], importer, timeoutMs });
const writeOutput = (out: string, files: Record<string, string> = { "meta.json": "{}" }) => {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.writeFileSync(path.join(out, rel), text);
  }
};

describe("the fuzz harness fails on every forbidden outcome", () => {
  it("accepts an import that succeeds and one that fails with SlyconvError or UsageError", async () => {
    await expect(runChanged(withImporter(async (_in, out) => writeOutput(out)), unchanged)).resolves.toBe("ok");
    await expect(runChanged(withImporter(async () => { throw new SlyconvError("x", "bad data"); }), unchanged)).resolves.toBe("rejected");
    await expect(runChanged(withImporter(async () => { throw new UsageError("bad option"); }), unchanged)).resolves.toBe("rejected");
  });

  it("the real importer reads the fixture (ok) and the harness sees it", async () => {
    await expect(runChanged({ format: "links", fixture, targets: [target] }, unchanged)).resolves.toBe("ok");
  });

  it("an exception that is not the project's own", async () => {
    await expect(runChanged(withImporter(async () => { throw new TypeError("x is undefined"); }), unchanged)).rejects.toThrow(/gave an unhandled TypeError: x is undefined/);
    await expect(runChanged(withImporter(async () => { throw new RangeError("Invalid array length"); }), unchanged)).rejects.toThrow(/unhandled RangeError/);
  });

  it("a hang (no answer within the per-input timeout)", async () => {
    await expect(runChanged(withImporter(() => new Promise(() => {}), 300), unchanged)).rejects.toThrow(/hang: no answer after 300 ms/);
  });

  it("a file written beside the output", async () => {
    await expect(runChanged(withImporter(async (_in, out) => { writeOutput(out); fs.writeFileSync(path.join(out, "../stray.png"), "x"); }), unchanged)).rejects.toThrow(/files outside the output changed: .*stray\.png/);
  });

  it("a file written a few folders above the output", async () => {
    await expect(runChanged(withImporter(async (_in, out) => { writeOutput(out); fs.writeFileSync(path.join(out, "../../../evil.png"), "x"); }), unchanged)).rejects.toThrow(/files outside the output changed: .*evil\.png/);
  });

  it("a file in the input changed or removed", async () => {
    await expect(runChanged(withImporter(async (input, out) => { writeOutput(out); fs.appendFileSync(path.join(input, target), "x"); }), unchanged)).rejects.toThrow(/files outside the output changed/);
    await expect(runChanged(withImporter(async (input, out) => { writeOutput(out); fs.rmSync(path.join(input, target)); }), unchanged)).rejects.toThrow(/files outside the output changed/);
  });

  it("a write through a symlink of the input to a file outside it", async () => {
    await expect(runChanged(withImporter(async (input, out) => { writeOutput(out); fs.writeFileSync(path.join(input, target), "overwritten"); }), toOutside)).rejects.toThrow(/outside/);
    // The file outside really is the one the harness checks.
    await expect(runChanged(withImporter(async (input, out) => {
      expect(fs.readFileSync(path.join(input, target), "utf8")).toBe(OUTSIDE_CONTENT);
      writeOutput(out);
    }), toOutside)).resolves.toBe("ok");
  });

  it("a failed import that leaves its output folder", async () => {
    await expect(runChanged(withImporter(async (_in, out) => { writeOutput(out); throw new SlyconvError("x", "late failure"); }), unchanged)).rejects.toThrow(/a failed import left an output folder/);
  });

  it("an output holding a symlink", async () => {
    await expect(runChanged(withImporter(async (input, out) => {
      writeOutput(out);
      fs.symlinkSync(path.join(input, target), path.join(out, "link.png"));
    }), unchanged)).rejects.toThrow(/the output holds a symlink/);
  });

  it("an annotation whose coordinates or size are not numbers (NaN and Infinity become null in JSON)", async () => {
    const ann = (objects: unknown, size: unknown = { width: 4, height: 4 }) => JSON.stringify({ size, tags: [], objects });
    const point = { classTitle: "c", points: { exterior: [[0, 0], [null, 2]], interior: [] } };
    await expect(runChanged(withImporter(async (_in, out) => writeOutput(out, { "ds/ann/a.png.json": ann([point]) })), unchanged)).rejects.toThrow(/coordinate that is not a number at .*exterior\/1\/0/);
    await expect(runChanged(withImporter(async (_in, out) => writeOutput(out, { "ds/ann/a.png.json": ann([], { width: "4", height: 4 }) })), unchanged)).rejects.toThrow(/size\/width is "4"/);
  });

  it("fuzzReader: a property over mutations fails as soon as one run does, and is reproducible by its seed", async () => {
    let calls = 0;
    const flaky: Importer = async (_in, out) => {
      if (++calls === 7) throw new TypeError("boom");
      writeOutput(out);
    };
    await expect(fuzzReader(withImporter(flaky), 20, 1)).rejects.toThrow(/unhandled TypeError: boom/);
    const counts = await fuzzReader(withImporter(async (_in, out) => writeOutput(out)), 20, 1);
    expect(counts).toEqual({ ok: 20, rejected: 0 });
  });
});
