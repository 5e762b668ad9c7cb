import { isObject } from "./meta-checks.js";
import { checkTags } from "./tag-checks.js";
import { checkLabel } from "./geometry-checks.js";
/** A pointer is broken when the schema reported something at it or inside it; semantic checks skip those parts. */
export function brokenTest(broken) {
    if (broken.length === 0)
        return () => false;
    // Every broken pointer and all its ancestors: a lookup then answers "is something broken at or under here".
    const marked = new Set();
    for (const b of broken) {
        for (let p = b; !marked.has(p); p = p.slice(0, p.lastIndexOf("/"))) {
            marked.add(p);
            if (p === "")
                break;
        }
    }
    return (pointer) => marked.has(pointer);
}
/** Semantic checks of one annotation file's JSON (after its schema check, whose broken pointers are skipped). */
export function checkAnnotation(raw, file, meta, broken) {
    const out = [];
    // The server's export wraps the annotation as {"annotation": {...}} (spec §3.1); pointers keep the wrapper.
    const wrapped = isObject(raw) && "annotation" in raw && !("objects" in raw);
    const base = wrapped ? "/annotation" : "";
    const ann = wrapped ? raw.annotation : raw;
    const sizePointer = `${base}/size`;
    if (!isObject(ann))
        return { findings: out, size: undefined, sizePointer };
    const isBroken = brokenTest(broken);
    let size;
    if (!isBroken(sizePointer) && isObject(ann.size)) {
        const { width, height } = ann.size;
        if (typeof width === "number" && typeof height === "number")
            size = { width, height };
        else if (width === null && height === null)
            size = null;
    }
    if (meta)
        checkTags(ann.tags, `${base}/tags`, { file, meta, target: "image", isBroken, out });
    if (Array.isArray(ann.objects)) {
        ann.objects.forEach((label, i) => checkLabel(label, `${base}/objects/${i}`, { file, meta, image: size ?? null, isBroken, out }));
    }
    return { findings: out, size, sizePointer };
}
//# sourceMappingURL=annotation-checks.js.map