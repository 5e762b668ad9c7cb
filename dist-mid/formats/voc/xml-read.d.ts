import type { Report } from "../../src/report.js";
import type { VocXml } from "./xml-model.js";
/** A VOC number as written ("174", "174.0", "254.38"), or undefined. */
export declare function parseVocNumber(s: unknown): number | undefined;
export interface ParseCounters {
    /** Elements with no value (`<pose/>`): carry nothing, so no tag is made. */
    emptyElements: number;
}
/**
 * Parses one annotation file. Malformed XML is an error (file and line) and gives null; so does a root other than
 * `<annotation>`. Object-level problems are warnings and the rest of the file is kept.
 */
export declare function parseVocXml(text: string, file: string, report: Report, counters: ParseCounters): VocXml | null;
