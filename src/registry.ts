/** The one list of format adapters. Adding a format = a folder in formats/ and a line here. */
import type { FormatAdapter } from "./format.js";
import { superviselyFormat } from "../formats/supervisely/index.js";

export const FORMATS: readonly FormatAdapter[] = [
  superviselyFormat,
];

export function findFormat(name: string): FormatAdapter | undefined {
  return FORMATS.find((f) => f.name === name.toLowerCase());
}
