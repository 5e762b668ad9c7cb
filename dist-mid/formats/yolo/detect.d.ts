import type { DetectResult } from "../../src/format.js";
export declare function detectYolo(input: string): Promise<DetectResult>;
