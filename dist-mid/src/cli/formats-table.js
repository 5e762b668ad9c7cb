import { FORMATS } from "../registry.js";
import { READER_OPTION_KEYS, optionKeysOf } from "../format-options.js";
/** The formats table, from the adapters' declarations (the README's copy is checked against it). */
export function formatsTable() {
    const rows = FORMATS.map((f) => `| ${f.name} | ${f.read ? "yes" : "no"} | ${f.write ? "yes" : "no"} | ${f.writesShapes.join(", ")} |`);
    return ["| format | import | export | shapes written |", "|---|---|---|---|", ...rows].join("\n");
}
/** The table of library option keys in docs/library.md per format and direction, from the same declarations as the flags. */
export function optionKeysTable() {
    const keys = (list) => list.map((k) => `\`${k}\``).join(", ");
    const rows = FORMATS.map((f) => `| ${f.name} | ${keys([...optionKeysOf(f.importOptions), ...READER_OPTION_KEYS])} | ${keys(optionKeysOf(f.exportOptions))} |`);
    return ["| format | import `formatOptions` | export `formatOptions` |", "|---|---|---|", ...rows].join("\n");
}
//# sourceMappingURL=formats-table.js.map