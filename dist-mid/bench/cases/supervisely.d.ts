import type { BenchCase } from "../types.js";
export declare const cases: BenchCase[];
