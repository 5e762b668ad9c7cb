import type { DetectResult } from "../../src/format.js";
/** A meta.json with `classes` is near-certain; dataset folders with ann/ alone are likely. */
export declare function detectSupervisely(input: string): Promise<DetectResult>;
