/** Python's repr of a double JavaScript wrote as `text` (a JSON number). */
export declare function pythonNumber(text: string): string;
/** The bytes of `text` (JSON.stringify's output, as UTF-8) as Python's json.dump writes the same value. */
export declare function pythonJsonBytes(text: Uint8Array): Buffer;
/** `json.dumps(value, indent=4)` of a plain JSON value. */
export declare function pythonJson(value: unknown): Buffer;
