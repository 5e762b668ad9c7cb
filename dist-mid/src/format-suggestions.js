import { distance } from "fastest-levenshtein";
import { FORMATS, FORMAT_ALIASES } from "./registry.js";
// Apart from registry.ts, which every CLI start loads: only a mistyped name needs the distance.
/**
 * The names (formats first, then aliases) closest to a mistyped one: edit distance at most a third of its length
 * (at least 1), or a name it starts with or is the start of; best first.
 */
export function similarFormatNames(name, among = [...FORMATS.map((f) => f.name), ...Object.keys(FORMAT_ALIASES)]) {
    const typed = name.toLowerCase();
    const limit = Math.max(1, Math.floor(typed.length / 3));
    return among
        .map((candidate) => ({ candidate, d: distance(typed, candidate) }))
        .filter(({ candidate, d }) => d <= limit || (typed.length >= 3 && (candidate.startsWith(typed) || typed.startsWith(candidate))))
        .sort((a, b) => a.d - b.d)
        .map(({ candidate }) => candidate);
}
//# sourceMappingURL=format-suggestions.js.map