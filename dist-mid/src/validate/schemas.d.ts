import { type ErrorObject, type ValidateFunction } from "ajv";
import type { Finding } from "../report.js";
import { type CheckCode } from "./codes.js";
export type SchemaName = "meta" | "annotation";
/**
 * schemas/ sits at the package root. This file runs from src/validate/ (tests, via vitest) or from
 * dist/src/validate/ (the built CLI and the npm tarball), so the folder is two or three levels up.
 */
export declare function schemasDir(): string;
export declare function loadSchema(name: SchemaName): Record<string, unknown>;
/** Both schemas, compiled once per process. */
export declare function validators(): Record<SchemaName, ValidateFunction>;
/** Past this many, one summary finding stands for the rest of a file's schema errors. */
export declare const MAX_SCHEMA_FINDINGS_PER_FILE = 20;
/**
 * ajv errors → findings. `if` errors only say "must match then schema" beside the real error and are dropped; the
 * branches of a failed anyOf are dropped in favour of the anyOf's own message; repeats at one pointer are merged.
 */
export declare function schemaFindings(errors: readonly ErrorObject[], code: CheckCode, file: string): Finding[];
/** Pointers of a schema-invalid document, so that semantic checks can skip what is structurally broken. */
export declare function brokenPointers(errors: readonly ErrorObject[]): string[];
export declare function validateAgainst(name: SchemaName, value: unknown, code: CheckCode, file: string): {
    findings: Finding[];
    broken: string[];
};
