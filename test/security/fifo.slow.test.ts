/** The Supervisely FIFO cases of fifo.test.ts with the FIFO behind a symlink (test/security/fifo-cases.ts). */
import { describe } from "vitest";
import { canMkfifo, superviselyFifoTests } from "./fifo-cases.js";

describe.skipIf(!canMkfifo)("a FIFO behind a symlink where a file is read", () => superviselyFifoTests(true));
