#!/usr/bin/env node
/**
 * Not a test: shows that `slyconv validate` runs in bounded memory. Generates a project of N items (images are hard
 * links to one PNG, so disk use is the annotations only), validates it in a child process with the built code, and
 * prints RSS/heap every 10% and the peak RSS.
 *
 *   npx tsc -p . && node test/validate/memory-check.mjs [items=100000] [dir=/tmp/slyconv-validate-<items>]
 *
 * The generated project is kept for reruns; delete the folder when done.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const items = Number(process.argv[2] ?? 100_000);
const dir = path.resolve(process.argv[3] ?? `/tmp/slyconv-validate-${items}`);

async function generate() {
  const { encodeBitmapData } = await import(path.join(repoRoot, "dist/src/codecs/bitmap.js"));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify({
    classes: [
      { title: "car", shape: "polygon", color: "#FF0000", geometry_config: {} },
      { title: "road", shape: "bitmap", color: "#00FF00", geometry_config: {} },
      { title: "sign", shape: "rectangle", color: "#0000FF", geometry_config: {} },
    ],
    tags: [{ name: "weather", value_type: "oneof_string", values: ["sunny", "rainy"], color: "#FFFF00" }, { name: "score", value_type: "any_number", color: "#00FFFF" }],
  }));
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#808080" } }).png().toBuffer();
  // One source file per dataset: file systems cap hard links per file (ext4: 65,000).
  const templates = path.join(dir, ".templates");
  fs.mkdirSync(templates, { recursive: true });
  let template = "";
  const mask = { width: 40, height: 30, data: new Uint8Array(1200).map((_, i) => (i % 7 ? 1 : 0)) };
  const bitmap = encodeBitmapData(mask);
  const perDataset = 10_000;
  for (let i = 0; i < items; i++) {
    const ds = path.join(dir, `part${String(Math.floor(i / perDataset)).padStart(3, "0")}`);
    if (i % perDataset === 0) {
      for (const sub of ["img", "ann"]) fs.mkdirSync(path.join(ds, sub), { recursive: true });
      template = path.join(templates, `${path.basename(ds)}.png`);
      fs.writeFileSync(template, png);
    }
    const name = `${String(i).padStart(7, "0")}.png`;
    fs.linkSync(template, path.join(ds, "img", name));
    const polygon = Array.from({ length: 24 }, (_, k) => [320 + 100 * Math.cos(k / 4), 240 + 100 * Math.sin(k / 4)].map((v) => Math.round(v * 10) / 10));
    fs.writeFileSync(path.join(ds, "ann", `${name}.json`), JSON.stringify({
      description: "", size: { height: 480, width: 640 }, tags: [{ name: "weather", value: i % 2 ? "sunny" : "rainy" }],
      objects: [
        { classTitle: "car", geometryType: "polygon", tags: [{ name: "score", value: i / items }], points: { exterior: polygon, interior: [] } },
        { classTitle: "road", geometryType: "bitmap", tags: [], bitmap: { origin: [10, 400], data: bitmap } },
        { classTitle: "sign", geometryType: "rectangle", tags: [], points: { exterior: [[5, 5], [50, 60]], interior: [] } },
      ],
      customBigData: {},
    }));
    if (i % 10_000 === 9_999) process.stdout.write(`generated ${i + 1}\n`);
  }
  fs.rmSync(templates, { recursive: true });
}

if (!fs.existsSync(path.join(dir, "meta.json"))) await generate();

const child = `
const { validateProject } = await import(${JSON.stringify(path.join(repoRoot, "dist/src/validate/index.js"))});
const { Report } = await import(${JSON.stringify(path.join(repoRoot, "dist/src/report.js"))});
const mb = (n) => Math.round(n / 1048576) + " MB";
let total = 0, done = 0, next = 0;
const sample = () => { const m = process.memoryUsage(); console.log(\`\${done}/\${total} items: rss \${mb(m.rss)}, heap \${mb(m.heapUsed)}\`); };
const progress = {
  start(_label, t) { total = t; next = Math.ceil(t / 10); },
  increment() { if (++done >= next) { sample(); next += Math.ceil(total / 10); } },
  stop() {},
};
const started = Date.now();
const { items, report } = await validateProject(${JSON.stringify(dir)}, { report: new Report(Number.MAX_SAFE_INTEGER), progress });
console.log(\`\${items} items in \${((Date.now() - started) / 1000).toFixed(1)} s: \${report.errorCount} errors, \${report.warningCount} warnings; peak RSS \${mb(process.resourceUsage().maxRSS * 1024)}\`);
`;
const r = spawnSync(process.execPath, ["--input-type=module", "-e", child], { stdio: "inherit" });
process.exit(r.status ?? 1);
