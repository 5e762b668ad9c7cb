export const URL_SCHEMES = ["http:", "https:", "s3:"];
const SCHEME_START = /^(https?|s3):\/\//i;
const COLUMN_ALIASES = {
    url: "url", link: "url", image_url: "url", item_link: "url", uri: "url",
    name: "name", image_name: "name", item_name: "name", file_name: "name", filename: "name",
    tag: "tag", tags: "tag",
    dataset: "dataset",
};
export function columnRole(header) {
    return COLUMN_ALIASES[header.trim().toLowerCase()];
}
/** RFC 4180 records: quoted fields may hold delimiters, quotes ("") and line breaks. */
export function csvRecords(text, delimiter) {
    const out = [];
    let fields = [];
    let field = "";
    let line = 1, recordLine = 1;
    let i = 0;
    let quoted = false;
    const endField = () => {
        fields.push(field);
        field = "";
    };
    const endRecord = () => {
        endField();
        // A line with nothing on it is not a record.
        if (!(fields.length === 1 && fields[0] === ""))
            out.push({ line: recordLine, fields });
        fields = [];
    };
    while (i < text.length) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"') {
                if (text[i + 1] === '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                quoted = false;
                i++;
                continue;
            }
            if (ch === "\n")
                line++;
            field += ch;
            i++;
            continue;
        }
        if (ch === '"' && field.trim() === "") {
            quoted = true;
            field = "";
            i++;
            continue;
        }
        if (ch === delimiter) {
            endField();
            i++;
            continue;
        }
        if (ch === "\r" || ch === "\n") {
            endRecord();
            if (ch === "\r" && text[i + 1] === "\n")
                i++;
            i++;
            line++;
            recordLine = line;
            continue;
        }
        field += ch;
        i++;
    }
    if (field !== "" || fields.length)
        endRecord();
    return out;
}
function splitTags(cell, delimiter) {
    if (!cell)
        return [];
    const sep = delimiter === "," ? /;/ : /[;,]/;
    const tags = [];
    for (const t of cell.split(sep).map((s) => s.trim()))
        if (t && !tags.includes(t))
            tags.push(t);
    return tags;
}
function firstLine(text) {
    for (const l of text.split(/\r?\n/))
        if (l.trim())
            return l;
    return "";
}
/** Picks the delimiter that turns the header into columns with a `url` one. */
function pickDelimiter(header, preferred) {
    if (SCHEME_START.test(header.trim())) {
        const delimiter = header.includes("\t") ? "\t" : preferred === "\t" ? "\t" : header.includes(",") ? "," : header.includes(";") ? ";" : preferred;
        return { delimiter, hasHeader: false };
    }
    for (const d of [preferred, ",", ";", "\t"]) {
        const cols = csvRecords(header, d)[0]?.fields ?? [];
        if (cols.some((c) => columnRole(c) === "url"))
            return { delimiter: d, hasHeader: true };
    }
    return { delimiter: preferred, hasHeader: true };
}
export function parseCsvList(text, ext, problems) {
    const body = text.replace(/^\uFEFF/, "");
    const { delimiter, hasHeader } = pickDelimiter(firstLine(body), ext === ".tsv" ? "\t" : ",");
    const records = csvRecords(body, delimiter);
    let columns;
    let headerNames;
    let dataRecords = records;
    if (hasHeader) {
        const header = records[0];
        headerNames = (header?.fields ?? []).map((h) => h.trim());
        columns = headerNames.map((h) => columnRole(h) ?? `extra:${h}`);
        dataRecords = records.slice(1);
        if (!columns.includes("url")) {
            problems.push({
                code: "links-no-url-column",
                message: `no url column in the header (found ${headerNames.map((h) => JSON.stringify(h)).join(", ") || "nothing"}); expected url, name and tag`,
                line: header?.line ?? 1,
            });
            return { kind: "csv", delimiter, columns, rows: [] };
        }
        const seen = new Set();
        for (const c of columns) {
            if (!c.startsWith("extra:") && seen.has(c))
                problems.push({ code: "links-duplicate-column", message: `the header has two ${c} columns; the first one is used`, line: header.line });
            seen.add(c);
        }
    }
    else {
        columns = ["url", "tag"];
        headerNames = ["url", "tag"];
    }
    const rows = [];
    for (const r of dataRecords) {
        if (r.fields.every((f) => f.trim() === ""))
            continue;
        if (!hasHeader && r.fields[0].trim().startsWith("#"))
            continue;
        const row = { line: r.line, url: "", tags: [] };
        const used = new Set();
        r.fields.forEach((value, i) => {
            const role = columns[i];
            if (role === undefined) {
                if (value.trim())
                    problems.push({ code: "links-extra-field", message: `field ${i + 1} has no column in the header; ignored`, line: r.line });
                return;
            }
            if (used.has(role))
                return;
            used.add(role);
            if (role === "url")
                row.url = value.trim();
            else if (role === "name")
                row.name = value.trim() || undefined;
            else if (role === "tag")
                row.tags = splitTags(value, delimiter);
            else if (role === "dataset")
                row.dataset = value.trim() || undefined;
            else if (value !== "")
                (row.extra ??= {})[role.slice("extra:".length)] = value;
        });
        rows.push(row);
    }
    return { kind: "csv", delimiter, columns, rows };
}
export function parseTxtList(text) {
    const rows = [];
    text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/).forEach((raw, i) => {
        const t = raw.trim();
        if (!t || t.startsWith("#"))
            return;
        rows.push({ line: i + 1, url: t, tags: [] });
    });
    return { kind: "txt", rows };
}
export function parseLinkList(text, ext, problems) {
    return ext === ".txt" ? parseTxtList(text) : parseCsvList(text, ext, problems);
}
/** Why a URL cannot be a link item, or null when it is fine. */
export function urlProblem(url) {
    if (!url)
        return "the URL is empty";
    if (/[\u0000-\u001f\u007f]/.test(url))
        return "it contains a control character";
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return "it is not an absolute URL";
    }
    if (!URL_SCHEMES.includes(u.protocol))
        return `the scheme ${JSON.stringify(u.protocol.slice(0, -1))} is not supported (http, https and s3 are)`;
    if (!u.hostname)
        return u.protocol === "s3:" ? "it names no bucket" : "it names no host";
    if (u.protocol === "s3:" && (u.pathname === "" || u.pathname === "/"))
        return "it names no object key";
    return null;
}
/** Does a text start like a link list (a url header, or a URL on its first content line)? */
export function looksLikeLinkList(head, ext) {
    const lines = head.replace(/^\uFEFF/, "").split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
    if (!lines.length)
        return false;
    if (SCHEME_START.test(lines[0]))
        return true;
    if (ext === ".txt")
        return false;
    return pickDelimiter(lines[0], ext === ".tsv" ? "\t" : ",").hasHeader && ["\t", ",", ";"].some((d) => (csvRecords(lines[0], d)[0]?.fields ?? []).some((c) => columnRole(c) === "url"));
}
//# sourceMappingURL=parse.js.map