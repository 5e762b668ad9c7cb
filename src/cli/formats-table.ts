import { FORMATS } from "../registry.js";

/** The formats table, from the adapters' declarations (the README's copy is checked against it). */
export function formatsTable(): string {
  const rows = FORMATS.map((f) => `| ${f.name} | ${f.read ? "yes" : "no"} | ${f.write ? "yes" : "no"} | ${f.writesShapes.join(", ")} |`);
  return ["| format | import | export | shapes written |", "|---|---|---|---|", ...rows].join("\n");
}
