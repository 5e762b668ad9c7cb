import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, tempDir } from "../helpers/paths.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("slyconv CLI with -f links", () => {
  it("imports a list with --probe-sizes against the local server; failures are per line", async () => {
    const dir = tempDir();
    const list = path.join(dir, "list.txt");
    fs.writeFileSync(list, `${server.base}/img/a.png\n${server.base}/missing.jpg\n`);
    const r = await runCli(["import", list, path.join(dir, "sly"), "--probe-sizes", "--allow-private-hosts", "--probe-retries", "0"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`list.txt:2: warning cannot read the image size of ${server.base}/missing.jpg: HTTP 404 Not Found (1 attempt) [probe-failed]`);
    const ann = JSON.parse(fs.readFileSync(path.join(dir, "sly", "list", "ann", "a.png.json"), "utf8"));
    expect(ann.size).toEqual({ height: 23, width: 37 });
    // Links only: img/ is there but empty (the Supervisely SDK opens no dataset without it).
    expect(fs.readdirSync(path.join(dir, "sly", "list", "img"))).toEqual([]);
  });

  it("malformed URLs exit 1 with file:line; export writes links.csv", async () => {
    const dir = tempDir();
    const bad = await runCli(["import", path.join(FIXTURES, "links", "bad", "bad.csv"), path.join(dir, "sly")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.csv:3: error malformed URL "ftp://files.example/b.jpg"');
    const exp = await runCli(["export", path.join(dir, "sly"), path.join(dir, "out"), "-f", "links"]);
    expect(exp.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "out", "links.csv"), "utf8")).toBe("url,name,tag\nhttps://ok.example/a.jpg,a.jpg,good\nhttps://ok.example/c.jpg,c.jpg,fine\n");
  });
});
