import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { BIN, runCli } from "../helpers/cli.js";
import { FIXTURES, REPO_ROOT, tempDir } from "../helpers/paths.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Like runCli, but asynchronous so that the in-process test server can answer the binary's requests. */
function runCliAsync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, CI: "true", NO_COLOR: "1" } });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe("slyconv CLI with -f links", () => {
  it("imports a list with --probe-sizes against the local server; failures are per line", async () => {
    const dir = tempDir();
    const list = path.join(dir, "list.txt");
    fs.writeFileSync(list, `${server.base}/img/a.png\n${server.base}/missing.jpg\n`);
    const r = await runCliAsync(["import", list, path.join(dir, "sly"), "--probe-sizes", "--allow-private-hosts", "--probe-retries", "0"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`list.txt:2: warning cannot read the image size of ${server.base}/missing.jpg: HTTP 404 Not Found (1 attempt) [probe-failed]`);
    const ann = JSON.parse(fs.readFileSync(path.join(dir, "sly", "list", "ann", "a.png.json"), "utf8"));
    expect(ann.size).toEqual({ height: 23, width: 37 });
    // Links only: img/ is there but empty (the Supervisely SDK opens no dataset without it).
    expect(fs.readdirSync(path.join(dir, "sly", "list", "img"))).toEqual([]);
  });

  it("malformed URLs exit 1 with file:line; export writes links.csv", () => {
    const dir = tempDir();
    const bad = runCli(["import", path.join(FIXTURES, "links", "bad", "bad.csv"), path.join(dir, "sly")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.csv:3: error malformed URL "ftp://files.example/b.jpg"');
    const exp = runCli(["export", path.join(dir, "sly"), path.join(dir, "out"), "-f", "links"]);
    expect(exp.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "out", "links.csv"), "utf8")).toBe("url,name,tag\nhttps://ok.example/a.jpg,a.jpg,good\nhttps://ok.example/c.jpg,c.jpg,fine\n");
  });
});
