import type { BenchCase } from "../types.js";
export interface Shape {
    name: string;
    images: number;
    annotations: number;
}
export declare const SHAPES: Shape[];
export declare function generate(file: string, shape: Shape): Promise<void>;
export declare const cocoFile: (dataDir: string, s: Shape) => string;
export declare const cases: BenchCase[];
