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

export class SlyconvError extends Error {
  readonly code: string;
  readonly location: Location;
  readonly exitCode: number;
  constructor(code: string, message: string, location: Location = {}, exitCode = 1) {
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
  describe(flagOf?: OptionNamer): string {
    return withLocation(this.location, flagOf ? withOptionNames(this.message, flagOf) : this.message);
  }
}

/**
 * "file:line:column#pointer: message"; a message that names its file itself (`inMessage`) is printed alone, so that
 * no message shows its path twice.
 */
export function withLocation(location: Location, message: string): string {
  const { file, line, column, pointer } = location;
  if (location.inMessage && line === undefined && !pointer) return message;
  let where = file ?? "";
  if (file && line !== undefined) where += `:${line}${column !== undefined ? `:${column}` : ""}`;
  if (pointer !== undefined && pointer !== "") where += `#${pointer}`;
  return where ? `${where}: ${message}` : message;
}

export class UsageError extends SlyconvError {
  constructor(message: string) {
    super("usage", message, {}, 2);
    this.name = "UsageError";
  }
}

/**
 * An option's name in a message: its library key in backticks (`sizesFrom`). The CLI prints the flag instead
 * (--sizes-from): see SlyconvError.describe.
 */
export function optionName(key: string): string {
  return "`" + key + "`";
}

/** An option set to a value in a message (`skipCrowd: false`); the CLI prints its flag (--no-skip-crowd). */
export function optionSetting(key: string, value: boolean | number | string): string {
  return "`" + key + ": " + String(value) + "`";
}

/** Names an option key (with the value a message gives it, as text) in the words of an interface, or undefined. */
export type OptionNamer = (key: string, value?: string) => string | undefined;

/** A message with each option key (optionName) named as `flagOf` names it; keys it does not know stay. */
export function withOptionNames(message: string, flagOf: OptionNamer): string {
  return message.replace(/`([A-Za-z][A-Za-z0-9]*)(?:: ([^`]+))?`/g, (whole, key: string, value: string | undefined) => flagOf(key, value) ?? whole);
}

/** JSON pointer from path segments ("~" and "/" escaped per RFC 6901). */
export function jsonPointer(...segments: (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
