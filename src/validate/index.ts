import type { Report } from "../report.js";
import type { Progress } from "../io/progress.js";

export interface ValidateOptions {
  report?: Report;
  progress?: Progress;
}

/** Checks a Supervisely project against the JSON Schemas and the semantic rules. (Being written.) */
export async function validateProject(_dir: string, _opts: ValidateOptions = {}): Promise<{ report: Report; items: number }> {
  throw new Error("validate is not implemented yet");
}
