/**
 * Mutation fuzzing of readers: a fixture is copied, one of its files is damaged, and the whole import must either
 * succeed or fail with the project's own SlyconvError: never another exception, never a hang, never a file written
 * outside the output folder.
 */
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { importDataset } from "../../src/api.js";
import { SlyconvError } from "../../src/errors.js";
import { listFiles, tempDir } from "../helpers/paths.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** Values that break assumptions: wrong types, extremes, empties, hostile names. */
export const hostileValue: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constant(null), fc.boolean(), fc.constant(""), fc.constant([]), fc.constant({}),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 1.5, -0.0001, 4294967296),
  fc.constantFrom("../../evil", "/abs/path.png", "C:\\x.png", "a\u0000b", "NaN", "Infinity", "\uFFFD\uD800", "x".repeat(5000)),
  fc.string(), fc.array(fc.integer(), { maxLength: 5 }),
);

/** Every path (list of keys/indices) inside a JSON value. */
export function jsonPaths(v: JsonValue, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => jsonPaths(x, [...prefix, i], out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) jsonPaths(x, [...prefix, k], out);
  return out;
}

export function setAt(root: JsonValue, p: (string | number)[], value: JsonValue | undefined): JsonValue {
  if (p.length === 0) return value === undefined ? null : value;
  const copy = structuredClone(root) as Record<string | number, JsonValue>;
  let cur = copy as Record<string | number, JsonValue>;
  for (const k of p.slice(0, -1)) cur = cur[k] as Record<string | number, JsonValue>;
  const last = p[p.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy as JsonValue;
}

/** A mutation of one file's bytes. */
export type Mutation = (bytes: Buffer) => Buffer;

export function jsonMutation(): fc.Arbitrary<Mutation> {
  return fc.tuple(fc.nat(), hostileValue, fc.boolean()).map(([pick, value, remove]) => (bytes: Buffer) => {
    let doc: JsonValue;
    try {
      doc = JSON.parse(bytes.toString("utf8"));
    } catch {
      return bytes;
    }
    const paths = jsonPaths(doc);
    const p = paths[pick % paths.length];
    return Buffer.from(JSON.stringify(setAt(doc, p, remove && p.length ? undefined : value)));
  });
}

export function byteMutation(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.nat().map((n) => (b: Buffer) => b.subarray(0, n % (b.length + 1))), // truncated
    fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([n, junk]) => (b: Buffer) => {
      const at = n % (b.length + 1);
      return Buffer.concat([b.subarray(0, at), Buffer.from(junk), b.subarray(at)]); // garbage inserted (bad encodings too)
    }),
    fc.constant((b: Buffer) => Buffer.concat([Buffer.from([0xff, 0xfe]), b])), // a UTF-16 BOM on UTF-8 text
  );
}

export interface FuzzCase {
  format: string;
  /** Folder (or file) copied for every run. */
  fixture: string;
  /** Relative paths (inside the copied fixture) that mutations may hit. */
  targets: string[];
  /** Relative input path inside the copy (default: the copy itself). */
  input?: string;
  formatOptions?: Record<string, unknown>;
}

/** Runs one mutated import; returns what happened, throws on a forbidden outcome. */
export async function runMutated(c: FuzzCase, target: string, mutate: Mutation): Promise<"ok" | "rejected"> {
  const work = tempDir("slyconv-fuzz-");
  const copy = path.join(work, "in");
  fs.cpSync(c.fixture, copy, { recursive: true });
  const file = path.join(copy, target);
  fs.writeFileSync(file, mutate(fs.readFileSync(file)));
  const outParent = path.join(work, "outparent");
  fs.mkdirSync(outParent);
  const before = listFiles(work).filter((f) => !f.startsWith("outparent/"));
  let outcome: "ok" | "rejected" = "ok";
  try {
    await withTimeout(importDataset(c.input ? path.join(copy, c.input) : copy, path.join(outParent, "out"), {
      format: c.format, images: "none", formatOptions: c.formatOptions,
    }), 20_000);
  } catch (e) {
    if (!(e instanceof SlyconvError)) {
      throw new Error(`${c.format}: mutated ${target} gave an unhandled ${(e as Error).name}: ${(e as Error).message}\n${(e as Error).stack}`);
    }
    outcome = "rejected";
  }
  // Nothing written beside the output or into the input.
  const after = listFiles(work).filter((f) => !f.startsWith("outparent/"));
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`${c.format}: files appeared outside the output: ${after.filter((f) => !before.includes(f))}`);
  const siblings = fs.readdirSync(outParent);
  if (siblings.some((s) => s !== "out")) throw new Error(`${c.format}: left ${siblings} beside the output`);
  if (outcome === "rejected" && siblings.length) throw new Error(`${c.format}: a failed import left an output folder`);
  fs.rmSync(work, { recursive: true, force: true });
  return outcome;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`hang: no answer after ${ms} ms`)), ms); }),
  ]);
}

/** fast-check property over mutations of a fixture; returns the outcome counts for the test to report. */
export async function fuzzReader(c: FuzzCase, runs: number, seed = 42): Promise<{ ok: number; rejected: number }> {
  const counts = { ok: 0, rejected: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...c.targets), fc.oneof(jsonMutation(), byteMutation()), async (target, mutate) => {
      counts[await runMutated(c, target, mutate)]++;
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  return counts;
}
