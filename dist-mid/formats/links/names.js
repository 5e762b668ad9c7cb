/** Item names of link items: from the URL path, made safe as file names, unique within a dataset. */
const UNSAFE = /[\\/\0-\x1f\x7f<>:"|?*]/g;
const MAX_NAME = 200;
/** A name safe as one path segment on every OS: separators and reserved characters become `_`. */
export function sanitizeName(name) {
    let s = name.replace(UNSAFE, "_").trim();
    if (!s || /^\.+$/.test(s))
        s = "image";
    if (s.length > MAX_NAME) {
        const dot = s.lastIndexOf(".");
        const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : "";
        s = s.slice(0, MAX_NAME - ext.length) + ext;
    }
    return s;
}
/** The last path segment of a URL, percent-decoded (`a%20b.jpg` → `a b.jpg`); query and fragment ignored. */
export function nameFromUrl(url) {
    let path;
    try {
        path = new URL(url).pathname;
    }
    catch {
        path = url;
    }
    const segment = path.split("/").filter(Boolean).pop() ?? "";
    let decoded = segment;
    try {
        decoded = decodeURIComponent(segment);
    }
    catch {
        /* a lone % stays as written */
    }
    return sanitizeName(decoded);
}
export const hasExtension = (name) => /\.[A-Za-z0-9]{2,5}$/.test(name);
/**
 * Hands out unique names: `a.jpg`, then `a_1.jpg`, `a_2.jpg`, … Names are compared case-insensitively so that a
 * project written on a case-insensitive file system keeps every item.
 */
export class NameAllocator {
    taken = new Set();
    /** Marks a name as used (explicit names are reserved before derived ones are handed out). */
    reserve(name) {
        const key = name.toLowerCase();
        if (this.taken.has(key))
            return false;
        this.taken.add(key);
        return true;
    }
    has(name) {
        return this.taken.has(name.toLowerCase());
    }
    /** `name` if free, else the first free `stem_N.ext`. */
    allocate(name) {
        if (this.reserve(name))
            return name;
        const dot = name.lastIndexOf(".");
        const stem = dot > 0 ? name.slice(0, dot) : name;
        const ext = dot > 0 ? name.slice(dot) : "";
        for (let n = 1;; n++) {
            const candidate = `${stem}_${n}${ext}`;
            if (this.reserve(candidate))
                return candidate;
        }
    }
}
//# sourceMappingURL=names.js.map