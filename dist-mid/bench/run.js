/**
 * `npm run bench [-- FILTER…]`: generates the data (once, under .bench-data/ or $SLYCONV_BENCH_DATA), runs every
 * case in a child process of its own, and prints one table: wall time, CPU time (user + sys, all threads: above the
 * wall time when both cores were busy), peak RSS, and for each conversion its ratio to the naive Node job on the
 * same input (its floor, measured in the same run), with the goal beside it and whether it is met; then this
 * machine's limits, measured in the same run.
 *
 * A FILTER selects the cases whose name holds every one of its words (any letter case) and none of its words that
 * start with "-"; several filters select the union. A selected conversion brings its floor along.
 *
 * A job that takes less than QUICK_CASE seconds (or, with a quick floor, less than QUICK_RATIO times the floor's
 * time) is run RUNS times and reported by its median run, with the fastest
 * and slowest: on a shared virtual machine the same job varies by a third from one minute to the next. When both a
 * conversion and its floor are quick, every run of the conversion follows a run of the floor, and the ratio is the
 * median of those pairs' ratios, so that a slow minute slows both sides of a pair.
 */
import { spawnSync } from "node:child_process";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { measureLimits } from "./limits.js";
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const dataRoot = process.env.SLYCONV_BENCH_DATA ?? path.join(repoRoot, ".bench-data");
const TMPFS_MAGIC = 0x01021994;
const isTmpfs = async (dir) => (await fs.statfs(dir).catch(() => null))?.type === TMPFS_MAGIC;
/**
 * Outputs go to a tmpfs, as in the issues' measurements: on a tmpfs the jobs measure the conversion rather than a
 * disk that other users of a shared machine keep busy. $SLYCONV_BENCH_OUT names a folder to use instead. Otherwise
 * the bench runs itself again in a mount namespace of its own (`unshare -m`) with a tmpfs mounted on an empty folder:
 * no other process sees it, and it is gone when the bench ends, however it ends. Where that is not allowed (not
 * root, no unshare), outputs go to the system's temporary folder. Returns the exit status of the bench run in the
 * namespace, or null when this process is to run the cases itself.
 */
function runInTmpfs() {
    if (process.env.SLYCONV_BENCH_OUT || process.platform !== "linux")
        return null;
    const mountPoint = path.join(os.tmpdir(), `slyconv-bench-tmpfs-${process.pid}`);
    fsSync.mkdirSync(mountPoint);
    try {
        // /dev/shm is a tmpfs too, but slyconv refuses to write into /dev.
        const sizeMB = Math.floor(os.totalmem() / 2 ** 20 / 2);
        const mount = `mount -t tmpfs -o size=${sizeMB}m,mode=700 slyconv-bench "$0"`;
        if (spawnSync("unshare", ["-m", "sh", "-c", mount, mountPoint], { stdio: "ignore" }).status !== 0) {
            console.error(`bench: no tmpfs (unshare -m and mount need root): outputs go to ${os.tmpdir()}, a disk; set SLYCONV_BENCH_OUT to a tmpfs folder to measure as the issues do`);
            return null;
        }
        const r = spawnSync("unshare", ["-m", "sh", "-c", `${mount} && exec "$@"`, mountPoint, process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
            stdio: "inherit", env: { ...process.env, SLYCONV_BENCH_OUT: mountPoint },
        });
        return r.status ?? 1;
    }
    finally {
        fsSync.rmSync(mountPoint, { recursive: true, force: true });
    }
}
let outRoot = os.tmpdir();
/** On a tmpfs each job's output is removed after its run (it is memory); on a disk, after the last (see main). */
let removeAtOnce = false;
const filters = process.argv.slice(2).filter((a) => a.trim() !== "");
/** Jobs faster than this (seconds) are run RUNS times. */
const QUICK_CASE = 10;
/** A conversion within this many times its floor's time is run RUNS times when the floor is quick. */
const QUICK_RATIO = 4;
const RUNS = 5;
const isFloor = (c) => c.kind === "floor";
function selected(c) {
    if (!filters.length)
        return true;
    const name = c.name.toLowerCase();
    // A word with a leading "-" must not be in the name.
    return filters.some((f) => f.toLowerCase().split(/\s+/).filter(Boolean).every((w) => (w.length > 1 && w.startsWith("-") ? !name.includes(w.slice(1)) : name.includes(w))));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
/** The run whose wall time is the median. */
const medianRun = (runs) => [...runs].sort((a, b) => a.seconds - b.seconds)[(runs.length - 1) >> 1];
async function loadCases() {
    const casesDir = path.join(here, "cases");
    const modules = (await fs.readdir(casesDir).catch(() => [])).filter((f) => f.endsWith(".js")).sort();
    const entries = [];
    for (const file of modules) {
        const modPath = path.join(casesDir, file);
        const { cases } = (await import(modPath));
        for (const c of cases)
            entries.push({ c, modPath, dataDir: path.join(dataRoot, path.basename(file, ".js")) });
    }
    const floorIds = new Set(entries.filter((e) => isFloor(e.c)).map((e) => e.c.id));
    for (const { c } of entries) {
        if (isFloor(c) && !c.id)
            throw new Error(`bench: floor case "${c.name}" has no id`);
        if (c.floor && !floorIds.has(c.floor))
            throw new Error(`bench: case "${c.name}" is measured against floor "${c.floor}", which no case file defines`);
    }
    return entries;
}
const leftovers = [];
let outCount = 0;
/** The job run last, so that a conversion right after its floor's run pairs with that run. */
let lastRun;
/** One run of a case in a child process; the outputs stay until the end (see main). */
async function runOnce(e) {
    const outDir = path.join(outRoot, `slyconv-bench-${process.pid}-${outCount++}`);
    await fs.rm(outDir, { recursive: true, force: true });
    leftovers.push(outDir);
    lastRun = e;
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(here, "run-case.js"), e.modPath, e.c.name, e.dataDir, outDir], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (removeAtOnce)
        await fs.rm(outDir, { recursive: true, force: true });
    // Flush the job's writes (gigabytes for the big imports) now, so that the next job does not pay for them.
    else
        spawnSync("sync");
    if (r.status !== 0)
        return { seconds, error: (r.stderr || `exit ${r.status ?? r.signal}`).trim().split("\n").slice(-3).join(" ") };
    const last = JSON.parse(r.stdout.trim().split("\n").pop());
    return { items: last.items, seconds, cpuSeconds: last.cpuSeconds ?? 0, maxRssMB: last.maxRssMB, parts: last.parts };
}
const prepared = new Set();
async function prepare(e) {
    if (prepared.has(e))
        return;
    await fs.mkdir(e.dataDir, { recursive: true });
    console.error(`bench: preparing ${e.c.name}`);
    await e.c.prepare(e.dataDir);
    prepared.add(e);
}
const floors = new Map();
/** The floor's first run (more are added: paired with quick conversions, or up to RUNS when it is quick). */
async function measureFloor(e, wantRuns) {
    let m = floors.get(e.c.id);
    if (!m) {
        m = { entry: e, runs: [] };
        floors.set(e.c.id, m);
    }
    await prepare(e);
    while (!m.error && m.runs.length < (m.runs.length && m.runs[0].seconds >= QUICK_CASE ? 1 : wantRuns)) {
        console.error(`bench: running ${e.c.name}`);
        const r = await runOnce(e);
        if ("error" in r)
            m.error = r.error;
        else
            m.runs.push(r);
    }
    return m;
}
function log(m) {
    const r = m.runs.length ? medianRun(m.runs) : undefined;
    console.error(`bench:   ${m.entry.c.name}: ${m.error ? `FAILED ${m.error}` : `${r.seconds.toFixed(2)} s, ${Math.round(r.maxRssMB)} MB${m.ratio !== undefined ? `, ${m.ratio.toFixed(2)}× floor` : ""}`}`);
}
async function measureCase(e) {
    const m = { entry: e, runs: [] };
    const floor = e.c.floor ? await measureFloor(entriesById.get(e.c.floor), 1) : undefined;
    await prepare(e);
    const pairRatios = [];
    // Quick: under QUICK_CASE, or within QUICK_RATIO × a quick floor (on a busy machine both take longer alike).
    const floorQuick = () => floor !== undefined && !floor.error && median(floor.runs.map((r) => r.seconds)) < QUICK_CASE;
    const quick = (first) => first < QUICK_CASE || (floorQuick() && first < QUICK_RATIO * median(floor.runs.map((r) => r.seconds)));
    while (!m.error && m.runs.length < (m.runs.length && quick(m.runs[0].seconds) ? RUNS : 1)) {
        // A quick floor is run again right before each run, so that each ratio compares two runs of the same minute.
        if (floor && floorQuick() && lastRun !== floor.entry) {
            const f = await runOnce(floor.entry);
            if ("error" in f)
                floor.error = f.error;
            else
                floor.runs.push(f);
        }
        console.error(`bench: running ${e.c.name}`);
        const r = await runOnce(e);
        if ("error" in r) {
            m.error = r.error;
            break;
        }
        // A slow floor has one run, wherever it was.
        if (floor && !floor.error)
            pairRatios.push(r.seconds / floor.runs[floor.runs.length - 1].seconds);
        m.runs.push(r);
    }
    if (floor && !floor.error && m.runs.length) {
        m.ratio = m.runs.length > 1 ? median(pairRatios) : medianRun(m.runs).seconds / median(floor.runs.map((r) => r.seconds));
    }
    log(m);
    return m;
}
const entriesById = new Map();
function goalText(c) {
    const parts = [];
    if (c.goal?.ratio !== undefined)
        parts.push(`≤ ${c.goal.ratio.toFixed(1)}×`);
    if (c.goal?.rssMB !== undefined)
        parts.push(`≤ ${c.goal.rssMB % 1024 === 0 ? `${c.goal.rssMB / 1024} GB` : `${c.goal.rssMB} MB`} RSS`);
    if (c.target)
        parts.push(c.target);
    return parts.join(", ");
}
function verdict(m) {
    const g = m.entry.c.goal;
    if (!g || m.error || !m.runs.length)
        return "";
    const missed = [];
    if (g.ratio !== undefined && (m.ratio === undefined || m.ratio > g.ratio))
        missed.push("time");
    if (g.rssMB !== undefined && Math.max(...m.runs.map((r) => r.maxRssMB)) > g.rssMB)
        missed.push("RSS");
    return missed.length ? `missed (${missed.join(", ")})` : "met";
}
function row(m) {
    const c = m.entry.c;
    if (m.error)
        return `| ${c.name} | FAILED | | | | | | ${goalText(c)} | ${m.error.replace(/\|/g, "\\|")} |`;
    const r = medianRun(m.runs);
    const secs = m.runs.map((x) => x.seconds);
    const runs = m.runs.length > 1 ? `${m.runs.length}: ${Math.min(...secs).toFixed(2)}–${Math.max(...secs).toFixed(2)}` : "1";
    const ratio = isFloor(c) ? "1.00 (floor)" : m.ratio !== undefined ? m.ratio.toFixed(2) : "";
    // Peak RSS is the largest of the runs: a goal on memory holds for every run.
    const rss = Math.round(Math.max(...m.runs.map((x) => x.maxRssMB)));
    // The jobs it ran in processes of their own (of the median run), a row each.
    const parts = (r.parts ?? []).map((p) => `\n| ↳ ${p.name} | ${p.items ?? ""} | ${p.seconds.toFixed(2)} | | ${p.cpuSeconds.toFixed(2)} | ${Math.round(p.maxRssMB)} | | | |`);
    return `| ${c.name} | ${r.items} | ${r.seconds.toFixed(2)} | ${runs} | ${r.cpuSeconds.toFixed(2)} | ${rss} | ${ratio} | ${goalText(c)} | ${verdict(m)} |${parts.join("")}`;
}
async function main() {
    await fs.mkdir(dataRoot, { recursive: true });
    const entries = await loadCases();
    for (const e of entries)
        if (isFloor(e.c))
            entriesById.set(e.c.id, e);
    const chosen = entries.filter((e) => selected(e.c));
    if (!chosen.length) {
        console.error(`bench: no case matches ${filters.map((f) => JSON.stringify(f)).join(" or ")}; the cases:\n${entries.map((e) => `  ${e.c.name}`).join("\n")}`);
        process.exitCode = 2;
        return;
    }
    outRoot = process.env.SLYCONV_BENCH_OUT ?? os.tmpdir();
    removeAtOnce = await isTmpfs(outRoot);
    console.error(`bench: data in ${dataRoot}, outputs in ${outRoot}${removeAtOnce ? " (tmpfs)" : ""}; node ${process.version}; ${os.cpus().length} cores; ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
    // On a disk, outputs are removed only after the last case. ext4 without a journal (this machine's disk) will not reuse an inode
    // freed in the last few minutes, so right after a large removal every file creation scans past thousands of them
    // (perf: `recently_deleted` under `__ext4_new_inode`), which makes an import several times slower. That cost
    // belongs to the bench's own clean-up, not to the conversion.
    const limitsDir = path.join(outRoot, `slyconv-limits-${process.pid}`);
    leftovers.push(limitsDir);
    const limits = await measureLimits(limitsDir);
    // Its 190 MB of files are flushed now, as each case's are after it, so that the first case does not pay for them.
    spawnSync("sync");
    // Table order: each floor just before the first conversion measured against it.
    const rows = [];
    for (const e of chosen) {
        if (isFloor(e.c)) {
            const dependents = chosen.some((x) => x.c.floor === e.c.id);
            const m = await measureFloor(e, dependents ? 1 : RUNS);
            if (!rows.includes(m))
                rows.push(m);
            continue;
        }
        if (e.c.floor) {
            const f = await measureFloor(entriesById.get(e.c.floor), 1);
            if (!rows.includes(f))
                rows.push(f);
        }
        rows.push(await measureCase(e));
    }
    for (const f of floors.values())
        log(f);
    const lines = [
        "| job | items | wall s | runs: fastest–slowest s | cpu s | peak RSS MB | × floor | goal | |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
        ...rows.map(row),
        "",
        "| machine limit (same run) | value |",
        "|---|---:|",
        `| JSON.parse throughput | ${limits.jsonParseMBps.toFixed(0)} MB/s |`,
        `| small-file writes (16 in flight) | ${Math.round(limits.smallFileWritesPerSec)} files/s |`,
        `| 37 KB file writes (16 in flight) | ${Math.round(limits.annotationFileWritesPerSec)} files/s |`,
        `| image-header reads (sharp, 16 in flight) | ${Math.round(limits.imageHeaderReadsPerSec)} images/s |`,
    ];
    console.log(lines.join("\n"));
    console.error(`bench: removing ${leftovers.length} output folders`);
    for (const dir of leftovers)
        await fs.rm(dir, { recursive: true, force: true });
    if (rows.some((r) => r.error))
        process.exitCode = 1;
}
const status = runInTmpfs();
if (status === null)
    await main();
else
    process.exitCode = status;
//# sourceMappingURL=run.js.map