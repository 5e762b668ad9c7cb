/**
 * `node --import ./module-log.mjs …` appends to the file named by SLYCONV_MODULE_LOG every module the process loads:
 * ES modules as their resolved URL (module-log-hooks.mjs), CommonJS ones (require.cache, which ESM hooks do not see)
 * as file URLs when it exits. test/cli/startup.test.ts uses it to see what a command loads.
 */
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";

const log = process.env.SLYCONV_MODULE_LOG;
if (!log) throw new Error("module-log.mjs: set SLYCONV_MODULE_LOG to the file to append to");
register(new URL("./module-log-hooks.mjs", import.meta.url), { data: { log } });

const cache = createRequire(import.meta.url).cache;
process.on("exit", () => {
  const files = Object.keys(cache).map((f) => pathToFileURL(f).href);
  if (files.length) appendFileSync(log, files.join("\n") + "\n");
});
