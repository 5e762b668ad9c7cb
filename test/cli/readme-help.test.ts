/**
 * The README and `--help` say the same things where they overlap. Everything is derived from commander's own
 * command and option lists (buildProgram), so options other formats add are checked without being listed here.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import type { Command, Option } from "commander";
// The built CLI (npm test builds first): src/cli/main.ts finds package.json relative to dist/.
import { buildProgram } from "../../dist/src/cli/main.js";
import { REPO_ROOT } from "../helpers/paths.js";
import { FORMAT_ALIASES } from "../../src/registry.js";

const program = buildProgram(() => {});
const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
/** The README and the pages its sections were moved to: their command lines and options are checked alike. */
const readmePages = [readme, ...["library", "supervisely", "choices", "bad-input"].map((p) => fs.readFileSync(path.join(REPO_ROOT, `docs/${p}.md`), "utf8"))];
/** Commander's own -h/--help, on every command and not in `options`. */
const HELP = { short: "-h", long: "--help" } as Option;
const command = (name: string) => program.commands.find((c) => c.name() === name);

/** `--flag` or `-f` → the option of `cmd` (or a global one) it names. */
function optionOf(cmd: Command | undefined, flag: string): Option | undefined {
  const all = [...(cmd?.options ?? []), ...program.options, HELP];
  return all.find((o) => o.long === flag || o.short === flag);
}

/** Every `slyconv <command> …` line of the README's (and its pages') code blocks and inline code. */
function readmeCommandLines(): string[] {
  const lines: string[] = [];
  for (const block of readmePages.flatMap((page) => [...page.matchAll(/```(?:sh)?\n([\s\S]*?)```/g)])) {
    for (const line of block[1].split("\n")) if (/^\s*slyconv \w/.test(line)) lines.push(line.replace(/#.*$/, "").trim());
  }
  for (const m of readmePages.flatMap((page) => [...page.matchAll(/`(slyconv [^`]+)`/g)])) lines.push(m[1]);
  return lines;
}

/** The example lines of a command's --help. */
function helpExamples(cmd: Command): string[] {
  const help = captureHelp(cmd);
  const at = help.indexOf("\nExamples:\n");
  expect(at, `${cmd.name()} --help has no examples`).toBeGreaterThanOrEqual(0);
  return help.slice(at + 11).split("\n").filter((l) => l.startsWith("  slyconv ")).map((l) => l.trim().split(/\s{2,}/)[0]);
}

function captureHelp(cmd: Command): string {
  let text = "";
  cmd.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  cmd.outputHelp();
  return text;
}

/** Checks that each flag on a command line exists on its command, and that a value is one of the choices. */
function checkLine(line: string): string[] {
  const words = line.split(/\s+/);
  const cmd = command(words[1]);
  if (!cmd) return words[1].startsWith("-") || words[1] === "<command>" ? [] : [`${line}: no command ${words[1]}`];
  const problems: string[] = [];
  words.forEach((w, i) => {
    if (!/^--?[a-zA-Z]/.test(w)) return;
    const opt = optionOf(cmd, w);
    if (!opt) return problems.push(`${line}: ${cmd.name()} has no option ${w}`);
    const value = words[i + 1];
    if (opt.argChoices && value && !value.startsWith("-") && !/[A-Z<]/.test(value)) {
      for (const v of value.split("|")) if (!opt.argChoices.includes(v)) problems.push(`${line}: ${v} is not a choice of ${w} (${opt.argChoices.join(", ")})`);
    }
  });
  return problems;
}

describe("README and --help agree", () => {
  it("the README's command list is the program's, with the same arguments", () => {
    const block = /## Commands\n\n```sh\n([\s\S]*?)```/.exec(readme)![1];
    const listed = block.trim().split("\n").map((l) => l.replace(/#.*$/, "").trim());
    expect(listed.map((l) => l.split(/\s+/)[1])).toEqual(program.commands.filter((c) => c.name() !== "help").map((c) => c.name()));
    for (const line of listed) {
      const cmd = command(line.split(/\s+/)[1])!;
      const args = cmd.registeredArguments.map((a) => `<${a.name()}>`);
      expect(line.split(/\s+/).slice(2, 2 + args.length), line).toEqual(args);
    }
  });

  it("the README's format aliases are the registry's", () => {
    const listed = /<!-- format-aliases:start -->(.*)<!-- format-aliases:end -->/.exec(readme)![1];
    expect([...listed.matchAll(/`([^`]+)`/g)].map((m) => m[1])).toEqual(Object.keys(FORMAT_ALIASES));
  });

  it("the README's global options are the program's", () => {
    const sentence = /Global options: ([\s\S]*?)\. Every/.exec(readme)![1];
    const named = [...sentence.matchAll(/`(-[^`]+)`/g)].map((m) => m[1].split(/[/ ]/).filter((f) => f.startsWith("-"))).flat().sort();
    const actual = [...program.options, HELP].flatMap((o) => [o.short, o.long]).filter((f): f is string => Boolean(f)).sort();
    expect(named).toEqual(actual);
  });

  it("every command line and option the README shows exists, with values among the option's choices", () => {
    const lines = readmeCommandLines();
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.flatMap(checkLine)).toEqual([]);
    // Options named in prose and tables (`--task detect|segment|pose|obb`) exist on some command, with those choices.
    const problems: string[] = [];
    for (const m of readmePages.flatMap((page) => [...page.matchAll(/`(--[a-z][a-z-]*)(?: ([^`]+))?`/g)])) {
      const opts = program.commands.map((c) => optionOf(c, m[1])).filter((o): o is Option => Boolean(o));
      if (!opts.length) { problems.push(`no command has ${m[1]}`); continue; }
      const values = m[2]?.split("|") ?? [];
      if (values.length > 1) for (const o of opts) if (o.argChoices) expect(values.sort(), m[0]).toEqual([...o.argChoices].sort());
    }
    expect(problems).toEqual([]);
  });

  it("every --help example uses options its command has", () => {
    const lines = [...program.commands.filter((c) => c.name() !== "help").flatMap(helpExamples), ...helpExamples(program)];
    expect(lines.length).toBeGreaterThan(15);
    expect(lines.flatMap(checkLine)).toEqual([]);
  });

  it("the exit codes in --help are those of the README's table, with the same meaning", () => {
    const help = /Exit codes: (.*)\.$/m.exec(captureHelp(program))![1];
    const codes = help.split(/, (?=\d)/).map((p) => /^(\d+) ([^(]*?)(?: \(.*\))?$/.exec(p)!.slice(1));
    const table = /### Exit codes\n\n[\s\S]*?\n\n/.exec(readme)![0];
    const rows = [...table.matchAll(/^\| (\d+) \| (.*) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(codes.map(([c]) => c)).toEqual(rows.map(([c]) => c));
    for (const [code, meaning] of codes) expect(rows.find(([c]) => c === code)![1], `exit ${code}`).toMatch(new RegExp(`^${meaning}\\b`));
  });
});
