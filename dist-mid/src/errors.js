export class SlyconvError extends Error {
    code;
    location;
    exitCode;
    constructor(code, message, location = {}, exitCode = 1) {
        super(message);
        this.name = "SlyconvError";
        this.code = code;
        this.location = location;
        this.exitCode = exitCode;
    }
    /**
     * "file:line: message" or "file#/pointer: message", the way compilers print. With `flagOf`, option names
     * (optionName: `sizesFrom`) are printed as that function names them (the CLI: --sizes-from).
     */
    describe(flagOf) {
        return withLocation(this.location, flagOf ? withOptionNames(this.message, flagOf) : this.message);
    }
}
/**
 * "file:line:column#pointer: message"; a message that names its file itself (`inMessage`) is printed alone, so that
 * no message shows its path twice.
 */
export function withLocation(location, message) {
    const { file, line, column, pointer } = location;
    if (location.inMessage && line === undefined && !pointer)
        return message;
    let where = file ?? "";
    if (file && line !== undefined)
        where += `:${line}${column !== undefined ? `:${column}` : ""}`;
    if (pointer !== undefined && pointer !== "")
        where += `#${pointer}`;
    return where ? `${where}: ${message}` : message;
}
export class UsageError extends SlyconvError {
    constructor(message) {
        super("usage", message, {}, 2);
        this.name = "UsageError";
    }
}
/**
 * An option's name in a message: its library key in backticks (`sizesFrom`). The CLI prints the flag instead
 * (--sizes-from): see SlyconvError.describe.
 */
export function optionName(key) {
    return "`" + key + "`";
}
/** An option set to a value in a message (`skipCrowd: false`); the CLI prints its flag (--no-skip-crowd). */
export function optionSetting(key, value) {
    return "`" + key + ": " + String(value) + "`";
}
/** A message with each option key (optionName) named as `flagOf` names it; keys it does not know stay. */
export function withOptionNames(message, flagOf) {
    return message.replace(/`([A-Za-z][A-Za-z0-9]*)(?:: ([^`]+))?`/g, (whole, key, value) => flagOf(key, value) ?? whole);
}
/** JSON pointer from path segments ("~" and "/" escaped per RFC 6901). */
export function jsonPointer(...segments) {
    return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
//# sourceMappingURL=errors.js.map