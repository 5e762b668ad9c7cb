/**
 * Issue 18: YOLO label files are read line by line in bounded memory (formats/yolo/label-file.ts over
 * src/io/text-lines.ts). A file over 1 MiB is streamed: it is converted as a small one is, or refused as soon as it
 * passes the labels limit, or as soon as one line passes the longest a label can be. The full-size cases (600 MB of
 * lines, a 1 GB single line), with their peak memory, are in streamed-inputs.slow.test.ts.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { tempDir } from "../helpers/paths.js";
import { runCli } from "../helpers/cli.js";
import { hugeYoloLabels } from "../helpers/huge-inputs.js";
import { forEachLine, openTextFile, closeFile, WHOLE_FILE_BYTES } from "../../src/io/text-lines.js";
import { readLabelFile } from "../../formats/yolo/label-file.js";
import { parseLabelText, type LineParseOptions } from "../../formats/yolo/lines.js";

async function lines(file: string, maxLineChars = 1 << 20): Promise<string[]> {
  const { fd } = await openTextFile(file);
  const out: string[] = [];
  try {
    await forEachLine(fd, (l, n) => void out.push(`${n}:${l}`), { maxLineChars, display: path.basename(file) });
  } finally {
    await closeFile(fd);
  }
  return out;
}

describe("forEachLine", () => {
  it("splits lines across chunk ends, keeps a \\r, drops a BOM, decodes UTF-16 and a character cut by a chunk end", async () => {
    const dir = tempDir();
    // "é" is two bytes in UTF-8: the first line makes its bytes straddle the end of the first chunk.
    const first = "a".repeat(WHOLE_FILE_BYTES - 6);
    const text = `${first}\nxé\r\nlast`;
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(bytes.indexOf(Buffer.from("é"))).toBe(WHOLE_FILE_BYTES - 1);
    fs.writeFileSync(path.join(dir, "u8.txt"), bytes);
    expect(await lines(path.join(dir, "u8.txt"))).toEqual([`1:${first}`, "2:xé\r", "3:last"]);
    fs.writeFileSync(path.join(dir, "u16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("0 0.5\r\n1 0.25\n", "utf16le")]));
    expect(await lines(path.join(dir, "u16.txt"))).toEqual(["1:0 0.5\r", "2:1 0.25"]);
    fs.writeFileSync(path.join(dir, "empty.txt"), "");
    expect(await lines(path.join(dir, "empty.txt"))).toEqual([]);
  });

  it("refuses a line past maxLineChars when it passes it, naming the file and line", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "long.txt"), `ok\n${"x".repeat(3 * WHOLE_FILE_BYTES)}`);
    await expect(lines(path.join(dir, "long.txt"), 1000)).rejects.toMatchObject({
      code: "line-too-long", message: "the line is longer than 1,000 characters", location: { file: "long.txt", line: 2 },
    });
  });
});

describe("a YOLO label file over 1 MiB is streamed", () => {
  const opts: LineParseOptions = { classCount: 2, obb: false };

  it("gives the records the whole-text parser gives (lines padded with spaces, CRLF, blank lines)", async () => {
    const dir = tempDir();
    const body: string[] = [];
    for (let k = 0; k < 1200; k++) body.push(`${k % 2} 0.${String(k).padStart(4, "0")} 0.5 0.1 0.2${" ".repeat(1000)}${k % 3 ? "\r" : ""}`, k % 7 ? "" : "  ");
    const text = body.join("\n");
    const file = path.join(dir, "a.txt");
    fs.writeFileSync(file, text);
    expect(fs.statSync(file).size).toBeGreaterThan(WHOLE_FILE_BYTES);
    const streamed = await readLabelFile(file, "a.txt", opts);
    expect(streamed).toHaveLength(1200);
    expect(streamed).toEqual(parseLabelText(text, "a.txt", opts));
    expect(streamed[1199]).toEqual({ kind: "box", cls: 1, line: 2399, xc: 0.1199, yc: 0.5, w: 0.1, h: 0.2 });
  });

  it("is refused at the first label past the limit, with the count its size suggests", async () => {
    const dir = hugeYoloLabels(path.join(tempDir(), "in"), 70_000);
    const labelFile = path.join(dir, "labels", "a.txt");
    expect(fs.statSync(labelFile).size).toBe(1_260_000);
    const r = await runCli(["--max-labels", "1000", "import", dir, path.join(dir, "..", "out"), "-f", "yolo"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe("slyconv: labels/a.txt: the file holds more than 1000 labels, the limit per image (reading stopped at line 1001; at its size, 1 MB, " +
      "it holds about 70000); if that is real, raise it with --max-labels 70000 or SLYCONV_MAX_LABELS=70000 [labels-limit]\n");
    expect(fs.existsSync(path.join(dir, "..", "out"))).toBe(false);
  });
});
