import { UsageError, optionName } from "./errors.js";
/** The keys every reader takes besides its own. */
export const READER_OPTION_KEYS = ["images"];
/** The run-time key of a declared flag (the same rule as the OptionKey type, and as commander's attribute names). */
export function optionKeyOf(flags) {
    const long = /--([a-z0-9-]+)/i.exec(flags)?.[1] ?? "";
    return long.replace(/^no-/, "").replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}
/** The keys a list of declarations accepts, in declaration order, each once. */
export function optionKeysOf(specs = []) {
    return [...new Set(specs.map((s) => optionKeyOf(s.flags)))];
}
/**
 * Refuses a key no declaration knows, naming the known ones: a misspelt key (`taks`) would otherwise be ignored
 * silently. Undefined values are not options.
 */
export function refuseUnknownOptions(options, known, what) {
    const unknown = Object.keys(options ?? {}).filter((k) => options[k] !== undefined && !known.includes(k));
    if (!unknown.length)
        return;
    const list = known.length ? `known: ${known.map(optionName).join(", ")}` : "it takes none";
    throw new UsageError(`unknown ${what} option${unknown.length > 1 ? "s" : ""} ${unknown.map(optionName).join(", ")}; ${list}`);
}
//# sourceMappingURL=format-options.js.map