import type { FormatAdapter } from "../../src/format.js";
export declare const superviselyFormat: FormatAdapter;
