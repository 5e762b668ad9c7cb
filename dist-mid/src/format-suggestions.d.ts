/**
 * The names (formats first, then aliases) closest to a mistyped one: edit distance at most a third of its length
 * (at least 1), or a name it starts with or is the start of; best first.
 */
export declare function similarFormatNames(name: string, among?: readonly string[]): string[];
