import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, diffTrees, tempDir } from "../helpers/paths.js";
import { craftZip } from "./craft.js";

const CANONICAL = path.join(FIXTURES, "supervisely/canonical");

/** Runs the CLI with a private TMPDIR, so that the test can check no extraction folder is left behind. */
async function run(args: string[]) {
  const tmp = tempDir("slyconv-cli-tmp-");
  const r = await runCli(args, { env: { TMPDIR: tmp } });
  return { ...r, scratchLeft: fs.readdirSync(tmp) };
}

describe("slyconv export/convert --archive, import of archives (built binary)", () => {
  it("export --archive zip adds the extension, prints the file it wrote, and imports back byte for byte", async () => {
    const work = tempDir();
    const exp = await run(["export", CANONICAL, path.join(work, "project"), "-f", "supervisely", "--archive", "zip"]);
    expect(exp.stderr).toBe("");
    expect(exp.code).toBe(0);
    const zip = path.join(work, "project.zip");
    expect(exp.stdout.trim()).toBe(`exported 4 items as supervisely into ${zip}`);
    expect(fs.readdirSync(work)).toEqual(["project.zip"]);

    const back = path.join(work, "back");
    const imp = await run(["import", zip, back, "--images", "copy"]);
    expect(imp.stderr).toBe("");
    expect(imp.code).toBe(0);
    expect(imp.stdout.trim()).toBe(`imported 4 items (supervisely) into ${back}`);
    expect(diffTrees(CANONICAL, back)).toEqual([]);
    expect(imp.scratchLeft).toEqual([]);

    const det = await run(["detect", zip]);
    expect(det.code).toBe(0);
    expect(det.stdout.split("\n")[0]).toMatch(/^supervisely \(confidence [01]\.\d\d\)$/);
    expect(det.scratchLeft).toEqual([]);
  });

  it("convert --archive tar.gz, with the archive path in the --json summary", async () => {
    const work = tempDir();
    const out = path.join(work, "converted.tgz");
    const r = await run(["--json", "convert", CANONICAL, out, "--from", "supervisely", "--to", "supervisely", "--archive", "tar.gz"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ command: "convert", from: "supervisely", to: "supervisely", output: out, errors: 0 });
    expect([...fs.readFileSync(out).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const back = path.join(work, "back");
    expect((await run(["import", out, back, "-f", "supervisely", "--images", "copy"])).code).toBe(0);
    expect(diffTrees(CANONICAL, back)).toEqual([]);
  });

  it("usage mistakes exit 2: an unknown archive type, an output named for the other type", async () => {
    const work = tempDir();
    const rar = await run(["export", CANONICAL, path.join(work, "p"), "-f", "supervisely", "--archive", "rar"]);
    expect(rar.code).toBe(2);
    expect(rar.stderr).toContain("option '--archive <type>' argument 'rar' is invalid. Allowed choices are zip, tar.gz.");
    const clash = await run(["export", CANONICAL, path.join(work, "p.zip"), "-f", "supervisely", "--archive", "tar.gz"]);
    expect(clash.code).toBe(2);
    expect(clash.stderr.trim()).toBe(`slyconv: output ${path.join(work, "p.zip")} names a zip archive but the archive type is tar.gz; name it *.tar.gz or leave the extension off`);
    expect(fs.readdirSync(work)).toEqual([]);
  });

  it("a hostile archive exits 1 with one line naming the archive and the entry, and writes nothing", async () => {
    const work = tempDir();
    const zip = path.join(work, "evil (1).zip");
    fs.writeFileSync(zip, craftZip([{ name: "meta.json", data: "{}" }, { name: "../../../evil.txt", data: "pwned" }]));
    const r = await run(["import", zip, path.join(work, "out")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`slyconv: ${zip}: refusing entry "../../../evil.txt": it climbs out with '..' [archive-unsafe-entry]\n`);
    expect(fs.readdirSync(work)).toEqual(["evil (1).zip"]);
    expect(r.scratchLeft).toEqual([]);
  });

  it("SLYCONV_ARCHIVE_MAX_BYTES bounds what an import may extract", async () => {
    const work = tempDir();
    const zip = path.join(work, "big.zip");
    fs.writeFileSync(zip, craftZip([{ name: "a.bin", data: Buffer.alloc(5000) }]));
    const tmp = tempDir("slyconv-cli-tmp-");
    const r = await runCli(["import", zip, path.join(work, "out")], { env: { TMPDIR: tmp, SLYCONV_ARCHIVE_MAX_BYTES: "4K" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/big\.zip: the archive declares at least 4\.9 KiB \(5000 bytes\) of content .* more than the 4\.0 KiB \(4096 bytes\) limit; refusing to extract it\. .*\[archive-too-large\]/);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});
