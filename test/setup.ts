import { afterAll } from "vitest";
import { removeTempDirs } from "./helpers/paths.js";

// Test files share a worker process (vitest.config.ts: isolate false): each file leaves the environment and the
// working folder as it found them, whatever its tests changed.
const env = { ...process.env };
const cwd = process.cwd();

afterAll(() => {
  // Every test file's temporary folders go when its tests are done.
  removeTempDirs();
  for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
  Object.assign(process.env, env);
  process.chdir(cwd);
});
