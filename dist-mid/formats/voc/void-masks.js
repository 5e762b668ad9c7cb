export const VOID_MASKS_KEY = "vocVoid";
/** The void bitmaps kept in an annotation (malformed entries are ignored). */
export function storedVoids(annotation) {
    const list = annotation.customBigData?.[VOID_MASKS_KEY];
    if (!Array.isArray(list))
        return [];
    return list.filter((v) => typeof v === "object" && v !== null && Array.isArray(v.masks) && Array.isArray(v.origin) && v.origin.length === 2 &&
        typeof v.origin[0] === "number" && typeof v.origin[1] === "number" && typeof v.data === "string");
}
//# sourceMappingURL=void-masks.js.map