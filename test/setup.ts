import { afterAll } from "vitest";
import { removeTempDirs } from "./helpers/paths.js";

// Every test file's temporary folders go when its tests are done.
afterAll(removeTempDirs);
