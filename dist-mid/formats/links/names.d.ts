/** Item names of link items: from the URL path, made safe as file names, unique within a dataset. */
/** A name safe as one path segment on every OS: separators and reserved characters become `_`. */
export declare function sanitizeName(name: string): string;
/** The last path segment of a URL, percent-decoded (`a%20b.jpg` → `a b.jpg`); query and fragment ignored. */
export declare function nameFromUrl(url: string): string;
export declare const hasExtension: (name: string) => boolean;
/**
 * Hands out unique names: `a.jpg`, then `a_1.jpg`, `a_2.jpg`, … Names are compared case-insensitively so that a
 * project written on a case-insensitive file system keeps every item.
 */
export declare class NameAllocator {
    private readonly taken;
    /** Marks a name as used (explicit names are reserved before derived ones are handed out). */
    reserve(name: string): boolean;
    has(name: string): boolean;
    /** `name` if free, else the first free `stem_N.ext`. */
    allocate(name: string): string;
}
