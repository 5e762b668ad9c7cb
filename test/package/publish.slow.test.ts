import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { REPO_ROOT } from "../helpers/paths.js";

/**
 * `npm publish --dry-run` accepts the package as it is (no field npm would correct or drop). The registry is a local
 * server that answers 404 to everything, so the test reaches no network, and it checks that nothing is uploaded.
 */
describe("npm publish --dry-run", () => {
  const requests: string[] = [];
  let server: http.Server;
  let registry = "";
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(404, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("packs the package and would publish it, uploading nothing", async () => {
    // dist/ is built by test:slow's build step; --ignore-scripts avoids building twice.
    const child = spawn("npm", ["publish", "--dry-run", "--ignore-scripts", "--registry", registry, "--fetch-retries=0"], { cwd: REPO_ROOT, env: { ...process.env, npm_config_update_notifier: "false" } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (code !== 0) console.error(output);
    expect(code).toBe(0);
    expect(output).toContain("+ slyconv@");
    expect(output).toMatch(/npm notice \d.*LICENSE/);
    // The only warning allowed is the one about not being logged in (a dry run needs no login).
    const warnings = output.split("\n").filter((l) => /npm warn/i.test(l) && !/requires you to be logged in/.test(l));
    expect(warnings).toEqual([]);
    expect(requests.filter((r) => !r.startsWith("GET"))).toEqual([]);
  }, 120_000);
});
