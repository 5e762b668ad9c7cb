import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportProject, importDataset, writeDataset } from "../../src/api.js";
import type { Project } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass } from "../../src/model/index.js";
import { Report } from "../../src/report.js";
import { FIXTURES, HAVE_REAL_DATA, listFiles, realData, tempDir } from "../helpers/paths.js";

const fx = (...p: string[]) => path.join(FIXTURES, "links", ...p);

async function roundTrip(input: string, exportOptions: Record<string, unknown> = {}) {
  const dir = tempDir();
  const report = new Report();
  await importDataset(input, path.join(dir, "sly"), { format: "links", report });
  await exportProject(path.join(dir, "sly"), path.join(dir, "out"), { format: "links", formatOptions: exportOptions, report });
  return { dir, report };
}

describe("links export and round trip through a Supervisely project", () => {
  it("link items are img_info/<name>.json with link and no img/ file (spec §1.5)", async () => {
    const { dir } = await roundTrip(fx("csv"));
    const files = listFiles(path.join(dir, "sly"));
    expect(files.filter((f) => f.includes("/img/"))).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "sly", "list", "img_info", "first.jpg.json"), "utf8"))).toEqual({ link: "https://img.example.org/1.jpg" });
    const ann = JSON.parse(fs.readFileSync(path.join(dir, "sly", "list", "ann", "first.jpg.json"), "utf8"));
    expect([ann.size, ann.tags.map((t: { name: string }) => t.name)]).toEqual([{ height: null, width: null }, ["outdoor", "day"]]);
  });

  it("csv → Supervisely → links.csv keeps url, name and tags; the extra column is counted as lost", async () => {
    const { dir, report } = await roundTrip(fx("csv"));
    // A Supervisely project has no item order (the reader lists items by name): rows come back in name order.
    expect(fs.readFileSync(path.join(dir, "out", "links.csv"), "utf8")).toBe([
      "url,name,tag",
      "https://img.example.org/2.jpg,2.jpg,night",
      "https://img.example.org/4.jpg,4.jpg,",
      "https://img.example.org/1.jpg,first.jpg,outdoor;day",
      "https://img.example.org/3.jpg,first_1.jpg,day",
      "",
    ].join("\n"));
    expect(report.lossEntries).toEqual([{ className: "(image)", what: "image meta", reason: "a link list holds url, name and tags only", count: 2 }]);
    // The written list reads back to the same rows.
    const again = await roundTrip(path.join(dir, "out", "links.csv"));
    expect(fs.readFileSync(path.join(again.dir, "out", "links.csv"), "utf8")).toBe(fs.readFileSync(path.join(dir, "out", "links.csv"), "utf8"));
  });

  it("several datasets add a dataset column that reads back into the same nesting", async () => {
    const { dir } = await roundTrip(fx("tsv", "list.tsv"));
    const text = fs.readFileSync(path.join(dir, "out", "links.csv"), "utf8");
    expect(text).toBe("url,name,tag,dataset\nhttps://h.example/a.png,a.png,x;y,train\nhttps://h.example/c.png,c.png,y,train\nhttps://h.example/b.png,b.png,,val/hard\n");
    const again = await roundTrip(path.join(dir, "out", "links.csv"));
    expect(fs.readFileSync(path.join(again.dir, "out", "links.csv"), "utf8")).toBe(text);
  });

  it("--list-format txt writes URLs only; local images and labels cannot be held", async () => {
    const meta = emptyProjectMeta();
    ensureClass(meta, "box", "rectangle");
    const project: Project = {
      meta,
      datasets: [{
        name: "ds", datasets: [], items: [
          { name: "a.png", image: { kind: "link", url: "https://x.example/a.png" }, annotation: { size: { width: 4, height: 4 }, tags: [{ name: "t" }], labels: [{ classTitle: "box", geometry: { type: "rectangle", left: 0, top: 0, right: 1, bottom: 1 }, tags: [] }] } },
          { name: "b.png", image: { kind: "file", path: "/nowhere/b.png" }, annotation: { size: { width: 4, height: 4 }, tags: [], labels: [] } },
          { name: "c.png", imageInfo: { link: "https://x.example/c,d.png" }, annotation: { size: { width: null, height: null }, tags: [], labels: [] } },
        ],
      }],
    };
    const out = path.join(tempDir(), "out");
    const report = new Report();
    await writeDataset(project, out, { format: "links", formatOptions: { listFormat: "txt" }, report });
    expect(fs.readFileSync(path.join(out, "links.txt"), "utf8")).toBe("https://x.example/a.png\nhttps://x.example/c,d.png\n");
    expect(report.lossEntries).toEqual([
      { className: "(image)", what: "tag t", reason: "links.txt holds URLs only", count: 1 },
      { className: "box", what: "rectangle", reason: "a link list holds no objects", count: 1 },
      { className: "(image)", what: "image without a link", reason: "a link list holds remote images only", count: 1 },
    ]);
    const csvOut = path.join(tempDir(), "out");
    await writeDataset(project, csvOut, { format: "links", report: new Report() });
    expect(fs.readFileSync(path.join(csvOut, "links.csv"), "utf8")).toBe('url,name,tag\nhttps://x.example/a.png,a.png,t\n"https://x.example/c,d.png",c.png,\n');
  });

  it.skipIf(!HAVE_REAL_DATA)("the real csvlinks case survives csv → Supervisely → csv", async () => {
    const { dir } = await roundTrip(realData("supervisely-csvlinks-debug"));
    expect(fs.readFileSync(path.join(dir, "out", "links.csv"), "utf8").split("\n")).toEqual([
      "url,name,tag",
      "https://file-examples-com.github.io/uploads/2017/10/file_example_PNG_1MB.png,file_example_PNG_1MB.png,",
      "https://file-examples-com.github.io/uploads/2017/10/file_example_PNG_2100kB.png,file_example_PNG_2100kB.png,",
      "https://file-examples-com.github.io/uploads/2017/10/file_example_PNG_3MB.png,file_example_PNG_3MB.png,big comp;notebook;notenote;zxc;sad;123as",
      "https://file-examples-com.github.io/uploads/2017/10/file_example_PNG_500kB.png,file_example_PNG_500kB.png,big computer",
      "",
    ]);
  });
});
