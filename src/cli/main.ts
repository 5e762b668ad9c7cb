import { Command, Option } from "commander";
import { readFileSync } from "node:fs";
import { FORMATS } from "../registry.js";
import type { OptionSpec } from "../format.js";
import { Report } from "../report.js";
import { SlyconvError, UsageError } from "../errors.js";
import { tuneV8ForConversions } from "./runtime-tuning.js";
import { createProgress } from "../io/progress.js";
import { handleInterrupts, interruptedSignal } from "../io/cleanup.js";
import { DEFAULT_MAX_PIXELS, MAX_PIXELS_ENV } from "../limits.js";
import { ARCHIVE_FORMATS, type ArchiveFormat } from "../io/archive-formats.js";
import { userErrorFromSystemError } from "../io/system-errors.js";
import { printReport } from "./output.js";
import { formatsTable } from "./formats-table.js";

const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };

interface GlobalOptions { debug?: boolean; quiet?: boolean; json?: boolean; maxPixels?: string }

// Commands import what only they use (api.js with the archive code, validate with ajv) when they run, so that
// --version, --help and `formats` start with commander and the adapters' descriptors alone (test/cli/startup.test.ts).
const loadApi = () => import("../api.js");

function addSpecs(cmd: Command, specs: readonly OptionSpec[]): void {
  const have = new Set(cmd.options.map((o) => o.long));
  for (const s of specs) {
    const opt = new Option(s.flags, s.description);
    if (have.has(opt.long)) continue;
    have.add(opt.long);
    if (s.choices) opt.choices(s.choices as string[]);
    if (s.defaultValue !== undefined) opt.default(s.defaultValue);
    cmd.addOption(opt);
  }
}

/** `--archive zip|tar.gz` on export and convert (docs/archives.md). */
function archiveOption(): Option {
  return new Option("--archive <type>", "write one archive file instead of a folder (the extension is added to <out> when missing)").choices(ARCHIVE_FORMATS as string[]);
}

function summaryJson(command: string, report: Report, extra: Record<string, unknown>, started: number): string {
  return JSON.stringify({ command, ...extra, ...report.toJSON(), seconds: (Date.now() - started) / 1000 }, null, 2);
}

function finish(report: Report, g: GlobalOptions, json: () => string, human: () => string): number {
  if (g.json) process.stdout.write(json() + "\n");
  else {
    printReport(report);
    if (!g.quiet) process.stdout.write(human() + "\n");
  }
  return report.errorCount > 0 ? 1 : 0;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name("slyconv")
    .description("Convert annotated image datasets (COCO, Pascal VOC, YOLO, PNG masks, link lists) into and out of Supervisely projects.")
    .version(pkg.version, "-V, --version")
    .option("--debug", "show stack traces for errors")
    .option("-q, --quiet", "no progress and no summary line")
    .option("--json", "print one machine-readable JSON summary on stdout")
    .option("--max-pixels <n>", `largest image, mask or bitmap size (width × height) a buffer is made for (default ${DEFAULT_MAX_PIXELS}; also ${MAX_PIXELS_ENV})`)
    .showHelpAfterError("(run with --help for usage)")
    // Set before the subcommands are added so that they inherit it.
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText("after", `
Examples:
  slyconv import ./coco ./project                  detect the format and write a Supervisely project
  slyconv import ./VOCdevkit/VOC2012 ./project -f voc
  slyconv export ./project ./yolo -f yolo --task detect
  slyconv validate ./project --json                machine-readable findings; exit 1 on errors
  slyconv formats                                  what each format reads and writes

Exit codes: 0 ok, 1 problems in the data, 2 usage errors.`);

  const globals = () => program.opts<GlobalOptions>();
  // The limit is read where buffers are made, worker threads included: the environment carries it there.
  program.hook("preAction", () => {
    const limit = globals().maxPixels;
    if (limit === undefined) return;
    if (!/^\d+$/.test(limit.replace(/_/g, "")) || Number(limit.replace(/_/g, "")) < 1) throw new UsageError(`--max-pixels ${limit}: expected a whole number of pixels`);
    process.env[MAX_PIXELS_ENV] = limit.replace(/_/g, "");
  });

  const imp = program
    .command("import")
    .description("read a dataset (format detected unless -f) and write it as a Supervisely project")
    .argument("<input>", "dataset folder or file")
    .argument("<out>", "output project folder")
    .option("-f, --format <name>", `input format: ${FORMATS.filter((f) => f.read).map((f) => f.name).join(", ")}`)
    .option("--force", "replace a non-empty output folder (only once the new one is complete)");
  for (const f of FORMATS) addSpecs(imp, f.importOptions ?? []);
  addSpecs(imp, FORMATS.find((f) => f.name === "supervisely")?.exportOptions ?? []);
  imp.addHelpText("after", "\nExample:\n  slyconv import ./annotations ./project -f coco --images copy");
  imp.action(async (input: string, out: string, opts: Record<string, unknown>) => {
    const started = Date.now();
    const g = globals();
    const report = new Report();
    const { importDataset } = await loadApi();
    const r = await importDataset(input, out, {
      format: opts.format as string | undefined, force: Boolean(opts.force), images: opts.images as never,
      formatOptions: opts, report, progress: createProgress({ quiet: g.quiet || g.json }),
    });
    setExit(finish(report, g, () => summaryJson("import", report, { format: r.format, items: r.items, output: out }, started),
      () => `imported ${r.items} items (${r.format}) into ${out}${report.warningCount ? `, ${report.warningCount} warnings` : ""}`));
  });

  const exp = program
    .command("export")
    .description("write a Supervisely project out in another format")
    .argument("<project>", "Supervisely project folder")
    .argument("<out>", "output folder (an archive file with --archive)")
    .requiredOption("-f, --format <name>", `output format: ${FORMATS.filter((f) => f.write).map((f) => f.name).join(", ")}`)
    .option("--force", "replace a non-empty output (only once the new one is complete)")
    .addOption(archiveOption());
  for (const f of FORMATS) addSpecs(exp, f.exportOptions ?? []);
  exp.addHelpText("after", "\nExample:\n  slyconv export ./project ./coco -f coco");
  exp.action(async (project: string, out: string, opts: Record<string, unknown>) => {
    const started = Date.now();
    const g = globals();
    const report = new Report();
    const { exportProject } = await loadApi();
    const r = await exportProject(project, out, { format: opts.format as string, force: Boolean(opts.force), archive: opts.archive as ArchiveFormat | undefined, formatOptions: opts, report, progress: createProgress({ quiet: g.quiet || g.json }) });
    setExit(finish(report, g, () => summaryJson("export", report, { format: opts.format, output: r.output }, started),
      () => `exported ${report.stats.itemsRead ?? 0} items as ${opts.format} into ${r.output}${report.lossEntries.length ? " (some labels could not be written, see above)" : ""}`));
  });

  const conv = program
    .command("convert")
    .description("convert between two formats straight through the model (no Supervisely project on disk)")
    .argument("<input>", "dataset folder or file")
    .argument("<out>", "output folder (an archive file with --archive)")
    .option("--from <name>", "input format (detected when absent)")
    .requiredOption("--to <name>", "output format")
    .option("--force", "replace a non-empty output")
    .addOption(archiveOption());
  for (const f of FORMATS) {
    addSpecs(conv, f.importOptions ?? []);
    addSpecs(conv, f.exportOptions ?? []);
  }
  conv.action(async (input: string, out: string, opts: Record<string, unknown>) => {
    const started = Date.now();
    const g = globals();
    const report = new Report();
    const { convertDataset } = await loadApi();
    const r = await convertDataset(input, out, { from: opts.from as string | undefined, to: opts.to as string, force: Boolean(opts.force), archive: opts.archive as ArchiveFormat | undefined, readOptions: opts, writeOptions: opts, report, progress: createProgress({ quiet: g.quiet || g.json }) });
    setExit(finish(report, g, () => summaryJson("convert", report, { from: r.from, to: opts.to, output: r.output }, started),
      () => `converted ${r.from} → ${opts.to} into ${r.output}`));
  });

  program
    .command("validate")
    .description("check a Supervisely project against the JSON Schemas and semantic rules")
    .argument("<project>", "Supervisely project folder")
    .addHelpText("after", "\nExample:\n  slyconv validate ./project --json > findings.json")
    .action(async (dir: string) => {
      const started = Date.now();
      const g = globals();
      const report = new Report(Number.MAX_SAFE_INTEGER);
      const { validateProject } = await import("../validate/index.js");
      const r = await validateProject(dir, { report, progress: createProgress({ quiet: g.quiet || g.json }) });
      setExit(finish(report, g, () => summaryJson("validate", report, { project: dir, items: r.items }, started),
        () => `${r.items} items checked: ${report.errorCount} errors, ${report.warningCount} warnings`));
    });

  program
    .command("detect")
    .description("tell which format an input is in, with a confidence and the files that matched")
    .argument("<input>", "dataset folder or file")
    .action(async (input: string) => {
      const { detectFormat } = await loadApi();
      const d = await detectFormat(input);
      if (globals().json) process.stdout.write(JSON.stringify(d, null, 2) + "\n");
      else {
        process.stdout.write(`${d.format} (confidence ${d.confidence.toFixed(2)})\n`);
        for (const e of d.evidence.slice(0, 10)) process.stdout.write(`  ${e}\n`);
      }
    });

  program
    .command("formats")
    .description("list every format with what it reads and writes")
    .action(() => {
      if (globals().json) {
        process.stdout.write(JSON.stringify(FORMATS.map((f) => ({ name: f.name, title: f.title, read: Boolean(f.read), write: Boolean(f.write), readsShapes: f.readsShapes, writesShapes: f.writesShapes })), null, 2) + "\n");
      } else process.stdout.write(formatsTable() + "\n");
    });

  return program;
}

/** Runs the CLI; user mistakes print one line (stack with --debug), exit 1 for data, 2 for usage. */
export async function main(argv = process.argv): Promise<number> {
  tuneV8ForConversions();
  handleInterrupts();
  let exitCode = 0;
  const program = buildProgram((c) => (exitCode = c));
  try {
    await program.parseAsync(argv);
  } catch (e) {
    // Disk and system errors (ENOSPC, EROFS, …) become one line with exit 1 or 2 (src/io/system-errors.ts).
    const err = (userErrorFromSystemError(e) ?? e) as Error & { code?: string; exitCode?: number };
    if (err.code?.startsWith("commander.")) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
      return 2;
    }
    // Interrupted: the signal handler cleans up and exits; errors from half-finished writes are noise.
    if (interruptedSignal()) return new Promise<number>(() => {});
    const debug = argv.includes("--debug");
    if (err instanceof SlyconvError) {
      process.stderr.write(`slyconv: ${err.describe()}${err instanceof UsageError ? "" : ` [${err.code}]`}\n`);
      if (debug) process.stderr.write((err.stack ?? "") + "\n");
      return err.exitCode;
    }
    process.stderr.write(`slyconv: internal error: ${err.message}\n`);
    process.stderr.write(debug ? (err.stack ?? "") + "\n" : "run again with --debug for details; please report this as a bug\n");
    return 70;
  }
  return exitCode;
}
