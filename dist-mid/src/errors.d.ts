/**
 * Errors a user can fix: bad input data (exit 1) or a bad command line (exit 2). The CLI prints them as one line;
 * anything else is a bug and shows a stack with --debug.
 */
export interface Location {
    /** Path of the offending file, relative to the input where possible. */
    file?: string;
    line?: number;
    column?: number;
    /** JSON pointer inside the file (RFC 6901). */
    pointer?: string;
    /** The message names `file` itself ("input folder x is empty"), so it is printed without the "file: " prefix. */
    inMessage?: boolean;
}
export declare class SlyconvError extends Error {
    readonly code: string;
    readonly location: Location;
    readonly exitCode: number;
    constructor(code: string, message: string, location?: Location, exitCode?: number);
    /**
     * "file:line: message" or "file#/pointer: message", the way compilers print. With `flagOf`, option names
     * (optionName: `sizesFrom`) are printed as that function names them (the CLI: --sizes-from).
     */
    describe(flagOf?: OptionNamer): string;
}
/**
 * "file:line:column#pointer: message"; a message that names its file itself (`inMessage`) is printed alone, so that
 * no message shows its path twice.
 */
export declare function withLocation(location: Location, message: string): string;
export declare class UsageError extends SlyconvError {
    constructor(message: string);
}
/**
 * An option's name in a message: its library key in backticks (`sizesFrom`). The CLI prints the flag instead
 * (--sizes-from): see SlyconvError.describe.
 */
export declare function optionName(key: string): string;
/** An option set to a value in a message (`skipCrowd: false`); the CLI prints its flag (--no-skip-crowd). */
export declare function optionSetting(key: string, value: boolean | number | string): string;
/** Names an option key (with the value a message gives it, as text) in the words of an interface, or undefined. */
export type OptionNamer = (key: string, value?: string) => string | undefined;
/** A message with each option key (optionName) named as `flagOf` names it; keys it does not know stay. */
export declare function withOptionNames(message: string, flagOf: OptionNamer): string;
/** JSON pointer from path segments ("~" and "/" escaped per RFC 6901). */
export declare function jsonPointer(...segments: (string | number)[]): string;
