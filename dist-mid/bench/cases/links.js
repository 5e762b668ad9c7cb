/**
 * Link lists: importing 100,000 links (parse, validate, name, write img_info/), and probing 1,000 image headers
 * over HTTP against a server started inside the case on 127.0.0.1 (range requests, 16 in flight). Nothing leaves
 * the machine.
 */
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import sharp from "sharp";
import { importDataset } from "../../src/api.js";
const LINKS = Number(process.env.SLYCONV_BENCH_LINKS ?? 100_000);
const PROBED = Number(process.env.SLYCONV_BENCH_PROBED ?? 1000);
async function withImageServer(fn) {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 1, g: 2, b: 3 } } }).png().toBuffer();
    const server = http.createServer((req, res) => {
        const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? "");
        if (!m) {
            res.writeHead(200, { "content-type": "image/png", "content-length": png.length });
            return res.end(png);
        }
        const start = Number(m[1]), end = Math.min(Number(m[2]), png.length - 1);
        res.writeHead(206, { "content-type": "image/png", "content-range": `bytes ${start}-${end}/${png.length}`, "content-length": end - start + 1 });
        res.end(png.subarray(start, end + 1));
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    try {
        return await fn(`http://127.0.0.1:${server.address().port}`);
    }
    finally {
        server.closeAllConnections();
        await new Promise((r) => server.close(() => r()));
    }
}
export const cases = [
    {
        name: `links import ${LINKS} csv rows`,
        async prepare(dataDir) {
            const file = path.join(dataDir, "links.csv");
            if (await fs.stat(file).catch(() => null))
                return;
            const rows = ["url,tag"];
            for (let i = 0; i < LINKS; i++)
                rows.push(`https://cdn.example.com/set${i % 97}/photo_${i % 5000}.jpg,t${i % 13};shared`);
            await fs.writeFile(file, rows.join("\n") + "\n");
        },
        async run(dataDir, outDir) {
            const { items } = await importDataset(path.join(dataDir, "links.csv"), outDir, { format: "links" });
            return { items };
        },
    },
    {
        name: `links probe ${PROBED} headers (local HTTP)`,
        async prepare() { },
        async run(_dataDir, outDir) {
            return withImageServer(async (base) => {
                const list = path.join(path.dirname(outDir), `probe-${process.pid}.txt`);
                await fs.writeFile(list, Array.from({ length: PROBED }, (_, i) => `${base}/img/${i}.png`).join("\n") + "\n");
                try {
                    const { items } = await importDataset(list, outDir, { format: "links", formatOptions: { probeSizes: true, allowPrivateHosts: true } });
                    return { items };
                }
                finally {
                    await fs.rm(list, { force: true });
                }
            });
        },
    },
];
//# sourceMappingURL=links.js.map