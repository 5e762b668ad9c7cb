import { Command, Option } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { FORMATS } from "../registry.js";
import { Report } from "../report.js";
import { SlyconvError, UsageError, withLocation, withOptionNames } from "../errors.js";
import { tuneV8ForConversions } from "./runtime-tuning.js";
import { createProgress } from "../io/progress.js";
import { writeSync } from "node:fs";
import { handleInterrupts, interruptedSignal, onInterrupt } from "../io/cleanup.js";
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_LABELS, DEFAULT_MAX_PIXELS, DEFAULT_MAX_VERTICES, MAX_FILE_BYTES_ENV, MAX_LABELS_ENV, MAX_PIXELS_ENV, MAX_VERTICES_ENV } from "../limits.js";
import { failureJson } from "./json-failure.js";
import { ARCHIVE_FORMATS } from "../io/archive-formats.js";
import { userErrorFromSystemError } from "../io/system-errors.js";
import { ignoreClosedPipes, plural, printReport } from "./output.js";
import { formatsTable } from "./formats-table.js";
// The package root is three levels up from dist/src/cli/ (the built CLI) and two from src/cli/ (the tests run the sources).
const pkgUrl = ["../../../package.json", "../../package.json"].map((up) => new URL(up, import.meta.url)).find((u) => existsSync(u));
const pkg = JSON.parse(readFileSync(pkgUrl, "utf8"));
/** The global options that set a limit (src/limits.ts): each is passed on in its environment variable. */
const LIMIT_FLAGS = [
    { key: "maxPixels", flag: "--max-pixels", env: MAX_PIXELS_ENV, unit: "pixels" },
    { key: "maxLabels", flag: "--max-labels", env: MAX_LABELS_ENV, unit: "labels" },
    { key: "maxVertices", flag: "--max-vertices", env: MAX_VERTICES_ENV, unit: "vertices" },
    { key: "maxFileBytes", flag: "--max-file-bytes", env: MAX_FILE_BYTES_ENV, unit: "bytes" },
];
// Commands import what only they use (api.js with the archive code, validate with ajv) when they run, so that
// --version, --help and `formats` start with commander and the adapters' descriptors alone (test/cli/startup.test.ts).
const loadApi = () => import("../api.js");
function addSpecs(cmd, specs) {
    const have = new Set(cmd.options.map((o) => o.long));
    for (const s of specs) {
        const opt = new Option(s.flags, s.description);
        if (have.has(opt.long))
            continue;
        have.add(opt.long);
        if (s.choices)
            opt.choices(s.choices);
        if (s.defaultValue !== undefined)
            opt.default(s.defaultValue);
        cmd.addOption(opt);
    }
}
/** `--archive zip|tar.gz` on export and convert (docs/archives.md). */
function archiveOption() {
    return new Option("--archive <type>", "write one archive file instead of a folder (the extension is added to <out> when missing)").choices(ARCHIVE_FORMATS);
}
/** The shard options' keys: the command's own, not the reader's or writer's. */
const SHARD_KEYS = ["shard", "shardCount", "runId"];
/** `--shard I/N`, `--shard-count N` and `--run-id ID` (docs/scale-out.md). */
function addShardOptions(cmd, runId = true) {
    cmd.option("--shard <I/N>", "handle only shard I of N (0 ≤ I < N) of the items; also SLYCONV_SHARD=I/N (docs/scale-out.md)");
    cmd.option("--shard-count <N>", "N shards, the index from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); also SLYCONV_SHARD_COUNT");
    if (runId)
        cmd.option("--run-id <id>", "the run id written into each shard's manifest (default: derived from the input, formats and options)");
}
/** The shard a command was asked for (options, then the environment), and the run id given. */
async function shardOf(opts) {
    const { resolveShard } = await import("../shard.js");
    const shard = resolveShard({ shard: opts.shard, shardCount: opts.shardCount });
    if (opts.runId !== undefined && !shard)
        throw new UsageError("--run-id names the run of a shard; pass --shard I/N too");
    if (typeof opts.runId === "string" && !/^[\w.-]{1,100}$/.test(opts.runId))
        throw new UsageError(`--run-id ${JSON.stringify(opts.runId)}: use letters, digits, '.', '_' or '-' (at most 100)`);
    return { shard, runId: opts.runId };
}
/** An "Examples:" block for a command's --help: each line a command and what it does. */
function examples(cmd, lines) {
    const width = Math.max(...lines.map(([c]) => c.length)) + 2;
    cmd.addHelpText("after", "\nExamples:\n" + lines.map(([c, what]) => `  ${what ? c.padEnd(width) + what : c}`).join("\n"));
}
/**
 * The options a command passes on to the library as `formatOptions`: those given, without the command's own. The
 * library refuses a key the format does not take (`import -f coco --obb`).
 */
function formatOptionsOf(opts, own) {
    return Object.fromEntries(Object.entries(opts).filter(([k, v]) => v !== undefined && !own.includes(k)));
}
/** A finished run's `--json` object: the report, its messages and reasons in the CLI's words (flags, not keys). */
function summaryJson(command, report, extra, started) {
    const wording = activeWording();
    const r = report.toJSON();
    return JSON.stringify({
        ok: report.errorCount === 0, command, ...extra, ...r,
        findings: r.findings.map((f) => ({ ...f, message: wording(f.message) })),
        lossy: r.lossy.map((l) => ({ ...l, reason: wording(l.reason) })),
        changed: r.changed.map((c) => ({ ...c, how: wording(c.how) })),
        seconds: (Date.now() - started) / 1000,
    }, null, 2);
}
function finish(report, g, json, human) {
    if (g.json)
        process.stdout.write(json() + "\n");
    else {
        printReport(report, { quiet: g.quiet, wording: activeWording() });
        if (!g.quiet)
            process.stdout.write(human() + "\n");
    }
    return report.errorCount > 0 ? 1 : 0;
}
export function buildProgram(setExit) {
    const program = new Command();
    program
        .name("slyconv")
        .description("Convert annotated image datasets (COCO, Pascal VOC, YOLO, PNG masks, link lists) into and out of Supervisely projects.")
        .version(pkg.version, "-V, --version")
        .option("--debug", "show stack traces for errors")
        .option("-q, --quiet", "no progress bars, info lines or summary line (warnings and errors still print)")
        .option("--json", "print one machine-readable JSON summary on stdout")
        .option("--max-pixels <n>", `largest image, mask or bitmap size (width × height) a buffer is made for (default ${DEFAULT_MAX_PIXELS}; also ${MAX_PIXELS_ENV})`)
        .option("--max-labels <n>", `most labels one image may have (default ${DEFAULT_MAX_LABELS}; also ${MAX_LABELS_ENV})`)
        .option("--max-vertices <n>", `most vertices the labels of one image may have, holes included (default ${DEFAULT_MAX_VERTICES}; also ${MAX_VERTICES_ENV})`)
        .option("--max-file-bytes <n>", `largest annotation, XML, class map, list or mask file read whole, in bytes (default ${DEFAULT_MAX_FILE_BYTES}; also ${MAX_FILE_BYTES_ENV})`)
        .showHelpAfterError("(run with --help for usage)")
        // Every command's --help lists --json, -q, --debug too.
        .configureHelp({ showGlobalOptions: true })
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

Run slyconv <command> --help for a command's options and examples.
Exit codes: 0 done, 1 problems in the data, 2 usage, 70 internal error (a bug: run again with --debug).`);
    const globals = () => program.opts();
    program.hook("preAction", (_program, command) => void (activeCommand = command));
    // The limits are read where buffers are made, worker threads included: the environment carries them there.
    program.hook("preAction", () => {
        for (const { key, flag, env, unit } of LIMIT_FLAGS) {
            const value = globals()[key];
            if (value === undefined)
                continue;
            const digits = value.replace(/_/g, "");
            if (!/^\d+$/.test(digits) || Number(digits) < 1)
                throw new UsageError(`${flag} ${value}: expected a whole number of ${unit}`);
            process.env[env] = digits;
        }
    });
    const imp = program
        .command("import")
        .description("read a dataset (format detected unless -f) and write it as a Supervisely project")
        .argument("<input>", "dataset folder or file")
        .argument("<out>", "output project folder")
        .option("-f, --format <name>", `input format: ${FORMATS.filter((f) => f.read).map((f) => f.name).join(", ")} (detected when absent)`)
        .option("--force", "replace a non-empty output folder (only once the new one is complete)");
    addShardOptions(imp);
    for (const f of FORMATS)
        addSpecs(imp, f.importOptions ?? []);
    addSpecs(imp, FORMATS.find((f) => f.name === "supervisely")?.exportOptions ?? []);
    examples(imp, [
        ["slyconv import ./coco ./project", "detect the format, write a Supervisely project"],
        ["slyconv import ./annotations ./project -f coco --images copy", "copy the images instead of hard-linking them"],
        ["slyconv import data.zip ./project --force", "from an archive; replace ./project once the new one is complete"],
        ["slyconv import ./labels ./project -f yolo --skip-bad-lines", "a bad label line is a warning, not an error"],
    ]);
    imp.action(async (input, out, opts) => {
        const started = Date.now();
        const g = globals();
        const report = new Report();
        const { importDataset } = await loadApi();
        const r = await importDataset(input, out, {
            ...(await shardOf(opts)),
            format: opts.format, force: Boolean(opts.force), images: opts.images,
            formatOptions: formatOptionsOf(opts, ["format", "force", "images", ...SHARD_KEYS]), report, progress: createProgress({ quiet: g.quiet || g.json }),
        });
        setExit(finish(report, g, () => summaryJson("import", report, { format: r.format, items: r.items, output: out }, started), () => `imported ${plural(r.items, "item")} (${r.format}) into ${out}${report.warningCount ? `, ${plural(report.warningCount, "warning")}` : ""}`));
    });
    const exp = program
        .command("export")
        .description("write a Supervisely project out in another format")
        .argument("<project>", "Supervisely project folder")
        .argument("<out>", "output folder, or an archive file: with --archive, or named *.zip, *.tar.gz or *.tgz")
        .requiredOption("-f, --format <name>", `output format: ${FORMATS.filter((f) => f.write).map((f) => f.name).join(", ")}`)
        .option("--force", "replace a non-empty output (only once the new one is complete)")
        .addOption(archiveOption());
    addShardOptions(exp);
    for (const f of FORMATS)
        addSpecs(exp, f.exportOptions ?? []);
    examples(exp, [
        ["slyconv export ./project ./coco -f coco"],
        ["slyconv export ./project ./yolo -f yolo --task segment", "polygons for a YOLO segmentation model"],
        ["slyconv export ./project voc.zip -f voc", "one archive file (the type from the extension)"],
        ["slyconv export ./project ./masks -f masks --overlay --json", "with pictures to check by eye; JSON summary"],
    ]);
    exp.action(async (project, out, opts) => {
        const started = Date.now();
        const g = globals();
        const report = new Report();
        const { exportProject } = await loadApi();
        const r = await exportProject(project, out, { ...(await shardOf(opts)), format: opts.format, force: Boolean(opts.force), archive: opts.archive, formatOptions: formatOptionsOf(opts, ["format", "force", "archive", ...SHARD_KEYS]), report, progress: createProgress({ quiet: g.quiet || g.json }) });
        setExit(finish(report, g, () => summaryJson("export", report, { format: opts.format, output: r.output }, started), () => `exported ${plural(report.stats.itemsRead ?? 0, "item")} as ${opts.format} into ${r.output}${report.lossEntries.length ? " (some labels could not be written, see above)" : ""}`));
    });
    const conv = program
        .command("convert")
        .description("convert between two formats straight through the model (no Supervisely project on disk)")
        .argument("<input>", "dataset folder or file")
        .argument("<out>", "output folder, or an archive file: with --archive, or named *.zip, *.tar.gz or *.tgz")
        .option("--from <name>", "input format (detected when absent)")
        .requiredOption("--to <name>", "output format")
        .option("--force", "replace a non-empty output")
        .addOption(archiveOption())
        // Caught to say what to use instead: import's -f would be ambiguous here (input or output?).
        .addOption(new Option("-f, --format <name>").hideHelp());
    addShardOptions(conv);
    for (const f of FORMATS) {
        addSpecs(conv, f.importOptions ?? []);
        addSpecs(conv, f.exportOptions ?? []);
    }
    // At parse time, before commander's own check for --to, so that the hint is the first thing said.
    conv.on("option:format", (name) => {
        throw new UsageError(`convert takes --from <format> for the input (detected when absent) and --to <format> for the output, not -f; did you mean --from ${name}?`);
    });
    examples(conv, [
        ["slyconv convert ./coco ./yolo --to yolo", "detect the input format, write YOLO"],
        ["slyconv convert ./VOC2012 ./coco --from voc --to coco"],
        ["slyconv convert data.zip out.tar.gz --to yolo --task segment", "archive in, archive out"],
    ]);
    conv.action(async (input, out, opts) => {
        const started = Date.now();
        const g = globals();
        const report = new Report();
        const { convertDataset } = await loadApi();
        const r = await convertDataset(input, out, { ...(await shardOf(opts)), from: opts.from, to: opts.to, force: Boolean(opts.force), archive: opts.archive, formatOptions: formatOptionsOf(opts, ["from", "to", "force", "archive", "format", ...SHARD_KEYS]), report, progress: createProgress({ quiet: g.quiet || g.json }) });
        setExit(finish(report, g, () => summaryJson("convert", report, { from: r.from, to: opts.to, output: r.output }, started), () => `converted ${r.from} → ${opts.to} into ${r.output}`));
    });
    const val = program
        .command("validate")
        .description("check a Supervisely project against the JSON Schemas and semantic rules")
        .argument("<project>", "Supervisely project folder")
        .addHelpText("after", "\nExamples:\n  slyconv validate ./project\n  slyconv validate ./project --json > findings.json   exit 1 when there are errors\n  slyconv validate ./project --shard 2/8              only the items of shard 2 of 8");
    addShardOptions(val, false);
    val.action(async (dir, opts) => {
        const started = Date.now();
        const g = globals();
        const report = new Report(Number.MAX_SAFE_INTEGER);
        const { shard } = await shardOf(opts);
        const { validateProject } = await import("../validate/index.js");
        const r = await validateProject(dir, { shard, report, progress: createProgress({ quiet: g.quiet || g.json }) });
        setExit(finish(report, g, () => summaryJson("validate", report, { project: dir, items: r.items }, started), () => `${plural(r.items, "item")} checked: ${plural(report.errorCount, "error")}, ${plural(report.warningCount, "warning")}`));
    });
    const merge = program
        .command("merge")
        .description("join the outputs of the N shards of one run (--shard I/N) into the output the single run writes")
        .argument("<paths...>", "every shard output of the run, then the output folder")
        .option("-f, --format <name>", "the format the shards were written in (read from their manifests; checked when given)")
        .option("--force", "replace a non-empty output folder (only once the new one is complete)")
        .option("--link", "hardlink the shards' files into the output instead of copying them (one file system: no data copied; the output shares those files with the shards)");
    examples(merge, [
        ["slyconv merge out/shard-0 out/shard-1 out/shard-2 ./project", "all 3 shards of one import"],
        ["slyconv merge out/shard-* ./project --json"],
        ["slyconv merge /data/shards/* /data/project --link", "on the shards' volume: files linked, not copied"],
    ]);
    merge.action(async (paths, opts) => {
        const started = Date.now();
        const g = globals();
        if (paths.length < 2)
            throw new UsageError("merge takes the shard outputs and then the output folder: slyconv merge <shard>… <out>");
        const out = paths[paths.length - 1];
        const report = new Report();
        const { mergeShards } = await import("../merge.js");
        const r = await mergeShards(paths.slice(0, -1), out, { format: opts.format, force: Boolean(opts.force), link: Boolean(opts.link), report });
        setExit(finish(report, g, () => summaryJson("merge", report, { format: r.format, runId: r.runId, shards: r.shards, items: r.items, output: out }, started), () => `merged ${plural(r.shards, "shard")} (${plural(r.items, "item")}, ${r.format}) into ${out}`));
    });
    program
        .command("detect")
        .description("tell which format an input is in, with a confidence and the files that matched")
        .argument("<input>", "dataset folder or file")
        .addHelpText("after", "\nExamples:\n  slyconv detect ./dataset\n  slyconv detect data.zip --json     looks inside archives too")
        .action(async (input) => {
        const { detectFormat } = await loadApi();
        const d = await detectFormat(input);
        if (globals().json)
            process.stdout.write(JSON.stringify({ ok: true, command: "detect", ...d }, null, 2) + "\n");
        else {
            process.stdout.write(`${d.format} (confidence ${d.confidence.toFixed(2)})\n`);
            for (const e of d.evidence.slice(0, 10))
                process.stdout.write(`  ${e}\n`);
        }
    });
    program
        .command("formats")
        .description("list every format with what it reads and writes")
        .addHelpText("after", "\nExamples:\n  slyconv formats\n  slyconv formats --json")
        .action(() => {
        if (globals().json) {
            process.stdout.write(JSON.stringify(FORMATS.map((f) => ({ name: f.name, title: f.title, read: Boolean(f.read), write: Boolean(f.write), readsShapes: f.readsShapes, writesShapes: f.writesShapes })), null, 2) + "\n");
        }
        else
            process.stdout.write(formatsTable() + "\n");
    });
    return program;
}
/** The command running, for naming options in its errors and findings. */
let activeCommand;
const activeWording = () => cliWording(activeCommand?.parent ?? activeCommand, activeCommand);
/**
 * The library names options by key (`sizesFrom`, `skipCrowd: false`); the CLI names them by the flag of the command
 * that ran (-f, --sizes-from, --no-skip-crowd). Convert's input format is --from.
 */
function flagNamer(program, command) {
    return (key, value) => {
        if (command?.name() === "convert" && key === "format")
            return value === undefined ? "--from" : `--from ${value}`;
        const options = [...(command?.options ?? []), ...program.commands.flatMap((c) => c.options), ...program.options]
            .filter((o) => o.attributeName() === key && !o.hidden);
        // A switch set to false is its --no- flag, set to true the plain one.
        if (value === "true" || value === "false")
            return options.find((o) => !o.required && !o.optional && o.negate === (value === "false"))?.long;
        const option = options[0];
        if (!option)
            return undefined;
        const flag = option.short ?? option.long;
        return value === undefined ? flag : `${flag} ${value}`;
    };
}
/**
 * Library text as the CLI prints it: option keys as the command's flags, and a limit's environment variable with the
 * global flag that sets it too (`SLYCONV_MAX_PIXELS=N` → `--max-pixels N or SLYCONV_MAX_PIXELS=N`).
 */
function cliWording(program, command) {
    const flagOf = flagNamer(program, command);
    return (message) => LIMIT_FLAGS.reduce((text, { flag, env }) => text.replace(new RegExp(`(?<![\\w-])${env}=(\\d+)`, "g"), `${flag} $1 or ${env}=$1`), withOptionNames(message, flagOf));
}
/** Runs the CLI; user mistakes print one line (stack with --debug), exit 1 for data, 2 for usage. */
export async function main(argv = process.argv) {
    tuneV8ForConversions();
    handleInterrupts();
    ignoreClosedPipes();
    return runCommandLine(argv);
}
/**
 * One command line, without what main() sets for the whole process (V8 flags, signal handlers): the tests run the
 * CLI this way inside their own process (test/helpers/cli.ts).
 */
export async function runCommandLine(argv) {
    let exitCode = 0;
    const program = buildProgram((c) => (exitCode = c));
    // --json promises one object on stdout, failures included (docs/bad-input.md); argv is looked at because commander
    // may fail before it has parsed the option.
    const json = argv.slice(2).includes("--json");
    let command;
    program.hook("preAction", (_root, action) => void (command = action.name()));
    const fail = (err, code) => {
        if (json)
            process.stdout.write(failureJson(command, err, code, cliWording(program, activeCommand)) + "\n");
        return code;
    };
    const stopJsonOnSignal = json
        ? onInterrupt(() => {
            const signal = interruptedSignal();
            writeSync(1, failureJson(command, new SlyconvError("interrupted", `interrupted by ${signal}`), signal === "SIGINT" ? 130 : 143) + "\n");
        })
        : () => { };
    try {
        await program.parseAsync([...argv]);
    }
    catch (e) {
        // Disk and system errors (ENOSPC, EROFS, …) become one line with exit 1 or 2 (src/io/system-errors.ts).
        const err = (userErrorFromSystemError(e) ?? e);
        if (err.code?.startsWith("commander.")) {
            if (err.code === "commander.helpDisplayed" || err.code === "commander.version")
                return 0;
            // `slyconv help` is asked for (0); bare `slyconv` shows the help because a command is missing (2).
            if (err.code === "commander.help")
                return err.exitCode === 0 ? 0 : fail(new UsageError("a command is missing; run slyconv --help"), 2);
            return fail(err, 2);
        }
        // Interrupted: the signal handler cleans up and exits; errors from half-finished writes are noise.
        if (interruptedSignal())
            return new Promise(() => { });
        stopJsonOnSignal();
        const debug = argv.includes("--debug");
        if (err instanceof SlyconvError) {
            process.stderr.write(`slyconv: ${withLocation(err.location, cliWording(program, activeCommand)(err.message))}${err instanceof UsageError ? "" : ` [${err.code}]`}\n`);
            if (debug)
                process.stderr.write((err.stack ?? "") + "\n");
            return fail(err, err.exitCode);
        }
        process.stderr.write(`slyconv: internal error: ${err.message}\n`);
        process.stderr.write(debug ? (err.stack ?? "") + "\n" : "run again with --debug for details; please report this as a bug\n");
        return fail(err, 70);
    }
    stopJsonOnSignal();
    return exitCode;
}
//# sourceMappingURL=main.js.map