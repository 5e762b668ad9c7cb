import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { finding } from "./codes.js";
import { jsonPointer } from "../errors.js";
/**
 * schemas/ sits at the package root. This file runs from src/validate/ (tests, via vitest) or from
 * dist/src/validate/ (the built CLI and the npm tarball), so the folder is two or three levels up.
 */
export function schemasDir() {
    for (const up of ["../../schemas/", "../../../schemas/"]) {
        const dir = new URL(up, import.meta.url);
        if (existsSync(new URL("meta.schema.json", dir)))
            return fileURLToPath(dir);
    }
    throw new Error(`schemas/meta.schema.json not found above ${fileURLToPath(import.meta.url)}`);
}
export function loadSchema(name) {
    return JSON.parse(readFileSync(path.join(schemasDir(), `${name}.schema.json`), "utf8"));
}
/** Annotation keywords of our schemas: readable messages for the subschema they sit on. */
const MESSAGE_KEYWORDS = ["x-message", "x-anyOf-message"];
let compiled;
/** Both schemas, compiled once per process. */
export function validators() {
    if (!compiled) {
        const ajv = new Ajv({
            allErrors: true,
            verbose: true, // gives parentSchema, where the x-message of a failing subschema lives
            // Infinity (JSON `1e999`) must reach the semantic check `coordinate-not-finite`, not fail as "not a number".
            strictNumbers: false,
            strict: true,
            allowUnionTypes: true, // a tag value is a string, a number or null
            strictRequired: false, // `if: {required: [...]}` tests for a property declared beside it, which is intended
        });
        ajv.addVocabulary(MESSAGE_KEYWORDS);
        compiled = { meta: ajv.compile(loadSchema("meta")), annotation: ajv.compile(loadSchema("annotation")) };
    }
    return compiled;
}
/** Past this many, one summary finding stands for the rest of a file's schema errors. */
export const MAX_SCHEMA_FINDINGS_PER_FILE = 20;
const ARTICLE = {
    string: "a string", number: "a number", integer: "an integer", boolean: "true or false", array: "a list",
    object: "an object", null: "null",
};
function defaultMessage(e) {
    const p = e.params;
    switch (e.keyword) {
        case "type": {
            const types = Array.isArray(p.type) ? p.type : String(p.type).split(",");
            const names = types.map((t) => ARTICLE[t] ?? t);
            return `must be ${names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}` : names[0]}`;
        }
        case "enum": return `must be one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
        case "const": return `must be ${JSON.stringify(p.allowedValue)}`;
        case "minLength": return p.limit === 1 ? "must not be empty" : `must have at least ${p.limit} characters`;
        case "minItems": return `must have at least ${p.limit} items`;
        case "maxItems": return `must have at most ${p.limit} items`;
        case "minimum": return `must be ≥ ${p.limit}`;
        case "maximum": return `must be ≤ ${p.limit}`;
        case "anyOf":
        case "oneOf": return "does not match any allowed form";
        default: return e.message ?? `fails the schema rule \`${e.keyword}\``;
    }
}
/** Last segment of a JSON pointer, unescaped, when it names a property (not an array index). */
function propertyName(pointer) {
    const last = pointer.slice(pointer.lastIndexOf("/") + 1).replace(/~1/g, "/").replace(/~0/g, "~");
    return pointer && !/^\d+$/.test(last) ? last : undefined;
}
/**
 * ajv errors → findings. `if` errors only say "must match then schema" beside the real error and are dropped; the
 * branches of a failed anyOf are dropped in favour of the anyOf's own message; repeats at one pointer are merged.
 */
export function schemaFindings(errors, code, file) {
    const failedAnyOf = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf").map((e) => e.schemaPath + "/");
    const out = [];
    const seen = new Set();
    let dropped = 0;
    for (const e of errors) {
        if (e.keyword === "if")
            continue;
        if (failedAnyOf.some((prefix) => e.schemaPath.startsWith(prefix)))
            continue;
        const parent = (e.parentSchema ?? {});
        let pointer = e.instancePath;
        let message;
        if (e.keyword === "required") {
            message = `missing required property \`${e.params.missingProperty}\``;
        }
        else if (e.keyword === "additionalProperties") {
            const prop = e.params.additionalProperty;
            pointer += jsonPointer(prop);
            message = `unexpected property \`${prop}\``;
        }
        else {
            const custom = e.keyword === "anyOf" || e.keyword === "oneOf" ? parent["x-anyOf-message"] : parent["x-message"];
            message = typeof custom === "string" ? custom : defaultMessage(e);
            const prop = propertyName(pointer);
            // "must be a string" reads better as "`classTitle` must be a string"; full sentences stay as they are.
            if (prop !== undefined && /^(must|is|cannot) /.test(message))
                message = `\`${prop}\` ${message}`;
        }
        const key = `${pointer}\u0000${message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        if (out.length < MAX_SCHEMA_FINDINGS_PER_FILE)
            out.push(finding(code, file, pointer, message));
        else
            dropped++;
    }
    if (dropped)
        out.push(finding(code, file, "", `… and ${dropped} more schema errors in this file`));
    return out;
}
/** Pointers of a schema-invalid document, so that semantic checks can skip what is structurally broken. */
export function brokenPointers(errors) {
    return errors.filter((e) => e.keyword !== "if").map((e) => e.instancePath);
}
export function validateAgainst(name, value, code, file) {
    const validate = validators()[name];
    if (validate(value))
        return { findings: [], broken: [] };
    const errors = validate.errors ?? [];
    return { findings: schemaFindings(errors, code, file), broken: brokenPointers(errors) };
}
//# sourceMappingURL=schemas.js.map