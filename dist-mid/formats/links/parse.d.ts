/**
 * Link list files: `.txt` (one URL per line, blank lines and `#` comments skipped) and `.csv`/`.tsv` with a `url`
 * column and optional `name`, `tag` and `dataset` columns (RFC 4180 quoting; other columns are kept as image meta).
 *
 * The column delimiter is the one that makes the header hold a `url` column (`,`, `;` or tab); files with no header
 * start with a URL and hold `url[,tag]`. Tags in a cell are separated by `;`, and also by `,` when the columns are
 * not comma-separated (Supervisely's CSV importer wants `;` columns and `,` tags; the app's own example file uses
 * `,` columns and `;` tags). Empty tags (a trailing `;`) are dropped.
 */
import type { Location } from "../../src/errors.js";
export interface LinkRow {
    /** 1-based line where the record starts. */
    line: number;
    url: string;
    name?: string;
    tags: string[];
    dataset?: string;
    /** Other columns, by header name. */
    extra?: Record<string, string>;
}
export interface LinkList {
    kind: "txt" | "csv";
    delimiter?: string;
    /** Normalised column roles in file order (csv only). */
    columns?: string[];
    rows: LinkRow[];
}
export interface ListProblem extends Location {
    code: string;
    message: string;
}
export declare const URL_SCHEMES: readonly ["http:", "https:", "s3:"];
export declare function columnRole(header: string): string | undefined;
/** A record's fields and the line it starts on. */
interface Record_ {
    line: number;
    fields: string[];
}
/** RFC 4180 records: quoted fields may hold delimiters, quotes ("") and line breaks. */
export declare function csvRecords(text: string, delimiter: string): Record_[];
export declare function parseCsvList(text: string, ext: string, problems: ListProblem[]): LinkList;
export declare function parseTxtList(text: string): LinkList;
export declare function parseLinkList(text: string, ext: string, problems: ListProblem[]): LinkList;
/** Why a URL cannot be a link item, or null when it is fine. */
export declare function urlProblem(url: string): string | null;
/** Does a text start like a link list (a url header, or a URL on its first content line)? */
export declare function looksLikeLinkList(head: string, ext: string): boolean;
export {};
