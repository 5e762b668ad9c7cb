import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, readDataset } from "../../src/api.js";
import { materializeProject, type Item, type Project } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { csvRecords, parseCsvList, urlProblem } from "../../formats/links/parse.js";
import { NameAllocator, nameFromUrl } from "../../formats/links/names.js";
import { FIXTURES, HAVE_REAL_DATA, REAL_DATA_SKIP_MESSAGE, expectedFacts, realData, tempDir } from "../helpers/paths.js";

const fx = (...p: string[]) => path.join(FIXTURES, "links", ...p);

async function importLinks(input: string, formatOptions: Record<string, unknown> = {}): Promise<{ project: Project; report: Report }> {
  const report = new Report();
  const { project } = await readDataset(input, { format: "links", formatOptions, report });
  return { project: await materializeProject(project), report };
}
const items = (p: Project, i = 0) => p.datasets[i].items as Item[];
const rowsOf = (its: Item[]) => its.map((i) => ({ name: i.name, url: (i.image as { url: string }).url, tags: i.annotation.tags.map((t) => t.name) }));
const findings = (r: Report, code: string) => r.findings.filter((f) => f.code === code).map((f) => [f.line, f.message]);

describe("link list parsing", () => {
  it("RFC 4180 quoting, CRLF, a missing final newline", () => {
    expect(csvRecords('a,"b,c","d ""q"""\r\n"multi\nline",x', ",")).toEqual([
      { line: 1, fields: ["a", "b,c", 'd "q"'] },
      { line: 2, fields: ["multi\nline", "x"] },
    ]);
  });
  it("picks the delimiter that yields a url column; tags split by ';' (and ',' when columns are not commas)", () => {
    expect(parseCsvList("url;tag\nhttp://a/x.png;p, q\n", ".csv", []).rows[0].tags).toEqual(["p", "q"]);
    expect(parseCsvList("url,tag\nhttp://a/x.png,\"p,q;r\"\n", ".csv", []).rows[0].tags).toEqual(["p,q", "r"]);
    expect(parseCsvList("http://a/x.png,t1;t2\n", ".csv", []).rows[0]).toEqual({ line: 1, url: "http://a/x.png", tags: ["t1", "t2"] });
  });
  it("accepts http, https and s3 URLs only", () => {
    expect(["https://a.b/c.jpg", "s3://bucket/k.png"].map(urlProblem)).toEqual([null, null]);
    expect(["ftp://a/b.jpg", "a.jpg", "https://", "s3://bucket", "http://a/\tb.png"].map(urlProblem)).toEqual([
      'the scheme "ftp" is not supported (http, https and s3 are)', "it is not an absolute URL", "it is not an absolute URL",
      "it names no object key", "it contains a control character",
    ]);
  });
  it("names come from the URL path, decoded and made safe, de-duplicated case-insensitively", () => {
    expect(nameFromUrl("https://x.y/a/b%20c%2Fd.jpg?q=1#f")).toBe("b c_d.jpg");
    expect(nameFromUrl("https://x.y/")).toBe("image");
    const n = new NameAllocator();
    expect(["a.jpg", "A.jpg", "a_1.jpg", "a.jpg"].map((x) => n.allocate(x))).toEqual(["a.jpg", "A_1.jpg", "a_1_1.jpg", "a_2.jpg"]);
  });
});

describe("links import", () => {
  it(".txt: one URL per line, comments and blank lines skipped, names from the URL", async () => {
    const { project, report } = await importLinks(fx("txt", "urls.txt"));
    expect(project.datasets.map((d) => d.name)).toEqual(["urls"]);
    expect(rowsOf(items(project))).toEqual([
      { name: "cat.jpg", url: "https://cdn.example.com/photos/cat.jpg", tags: [] },
      { name: "cat_1.jpg", url: "https://cdn.example.com/other/cat.jpg", tags: [] },
      { name: "a b(c).png", url: "http://cdn.example.com/a%20b%28c%29.png?size=large#top", tags: [] },
      { name: "dog.webp", url: "s3://bucket/key/dir/dog.webp", tags: [] },
      { name: "CAT_2.jpg", url: "https://cdn.example.com/photos/CAT.jpg", tags: [] },
      { name: "12345", url: "https://cdn.example.com/render/12345", tags: [] },
    ]);
    const first = items(project)[0];
    expect(first.annotation.size).toEqual({ width: null, height: null });
    expect(first.imageInfo).toEqual({ link: "https://cdn.example.com/photos/cat.jpg" });
    expect(findings(report, "name-deduplicated")).toEqual([
      [4, 'the name "cat.jpg" from the URL is taken (line 2); this row is named "cat_1.jpg"'],
      [8, 'the name "CAT.jpg" from the URL is taken (line 2); this row is named "CAT_2.jpg"'],
    ]);
    expect(report.errorCount + report.warningCount).toBe(0);
  });

  it(".csv with name, tag and an extra column; duplicate explicit names are warned about and renamed", async () => {
    const { project, report } = await importLinks(fx("csv"));
    expect(rowsOf(items(project))).toEqual([
      { name: "first.jpg", url: "https://img.example.org/1.jpg", tags: ["outdoor", "day"] },
      { name: "2.jpg", url: "https://img.example.org/2.jpg", tags: ["night"] },
      { name: "first_1.jpg", url: "https://img.example.org/3.jpg", tags: ["day"] },
      { name: "4.jpg", url: "https://img.example.org/4.jpg", tags: [] },
    ]);
    expect(project.meta.tagMetas.map((t) => [t.name, t.valueType])).toEqual([["outdoor", "none"], ["day", "none"], ["night", "none"]]);
    expect(items(project)[1].imageMeta).toEqual({ source: "camera, B" });
    expect(findings(report, "duplicate-name")).toEqual([[4, 'name "first.jpg" is already used by line 2; this row is named "first_1.jpg"']]);
  });

  it(".tsv with a dataset column makes (nested) datasets", async () => {
    const { project } = await importLinks(fx("tsv", "list.tsv"));
    expect(project.datasets.map((d) => d.name)).toEqual(["train", "val"]);
    expect(rowsOf(items(project))).toEqual([
      { name: "a.png", url: "https://h.example/a.png", tags: ["x", "y"] },
      { name: "c.png", url: "https://h.example/c.png", tags: ["y"] },
    ]);
    const hard = project.datasets[1].datasets[0];
    expect([hard.name, (hard.items as Item[]).map((i) => i.name)]).toEqual(["hard", ["b.png"]]);
  });

  it("malformed URLs are errors with their line numbers; the other rows are imported", async () => {
    const { project, report } = await importLinks(fx("bad", "bad.csv"));
    expect(findings(report, "malformed-url")).toEqual([
      [3, 'malformed URL "ftp://files.example/b.jpg": the scheme "ftp" is not supported (http, https and s3 are); the row is skipped'],
      [4, 'malformed URL "not a url": it is not an absolute URL; the row is skipped'],
      [6, 'malformed URL "https://": it is not an absolute URL; the row is skipped'],
      [7, 'malformed URL "s3://bucket": it names no object key; the row is skipped'],
    ]);
    expect(report.errorCount).toBe(4);
    expect(rowsOf(items(project))).toEqual([
      { name: "a.jpg", url: "https://ok.example/a.jpg", tags: ["good"] },
      { name: "c.jpg", url: "https://ok.example/c.jpg", tags: ["fine"] },
    ]);
  });

  it("a CSV without a url column stops with the columns it found", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "x.csv"), "link_to_image,tag\nhttp://a/b.png,t\n");
    const err = await importLinks(path.join(dir, "x.csv")).catch((e) => e);
    expect(err.describe()).toBe('x.csv:1: no url column in the header (found "link_to_image", "tag"); expected url, name and tag');
  });

  it("unsafe explicit names are made plain file names", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "x.csv"), "url,name\nhttp://a/b.png,../../etc/passwd\n");
    const { project, report } = await importLinks(path.join(dir, "x.csv"));
    expect(items(project)[0].name).toBe(".._.._etc_passwd");
    expect(findings(report, "unsafe-name")).toEqual([[2, 'name "../../etc/passwd" is not a plain file name; ".._.._etc_passwd" is used']]);
  });

  it("is detected from a list file or a folder holding exactly one", async () => {
    expect(await detectFormat(fx("txt", "urls.txt"))).toMatchObject({ format: "links", confidence: 0.9 });
    expect(await detectFormat(fx("csv"))).toMatchObject({ format: "links", confidence: 0.75, evidence: ["list.csv"] });
  });
});

describe.skipIf(!HAVE_REAL_DATA)("real data: supervisely-csvlinks-debug (url,tag CSV from the Import-images-from-CSV app)", () => {
  if (!HAVE_REAL_DATA) console.warn(REAL_DATA_SKIP_MESSAGE);
  it("4 rows, 7 distinct tags, names from the URLs; no URL is fetched", async () => {
    const facts = expectedFacts()["supervisely-csvlinks-debug"];
    const { project, report } = await importLinks(realData("supervisely-csvlinks-debug"));
    expect(project.datasets.map((d) => d.name)).toEqual(["debug(dont merge to master)"]);
    const its = items(project);
    expect(its).toHaveLength(facts.rows);
    expect(its.map((i) => (i.image as { url: string }).url)).toEqual(facts.records.map((r: { url: string }) => r.url));
    expect(its.map((i) => i.name)).toEqual(["file_example_PNG_500kB.png", "file_example_PNG_1MB.png", "file_example_PNG_2100kB.png", "file_example_PNG_3MB.png"]);
    // The trailing ';' of the last row's cell is an empty tag: dropped.
    expect(its.map((i) => i.annotation.tags.map((t) => t.name))).toEqual(facts.records.map((r: { tags: string[] }) => r.tags.filter(Boolean)));
    expect(project.meta.tagMetas.map((t) => t.name)).toEqual(["big computer", "big comp", "notebook", "notenote", "zxc", "sad", "123as"]);
    expect(project.meta.tagMetas).toHaveLength(facts.notes.distinct_nonempty_tags);
    expect(project.meta.tagMetas.every((t) => t.valueType === "none")).toBe(true);
    expect(report.errorCount + report.warningCount).toBe(0);
  });
});
