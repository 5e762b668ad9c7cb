import { isIsoDate } from "../model/index.js";
import { finding } from "./codes.js";
import { isObject } from "./meta-checks.js";
const show = (v) => (v === undefined ? "no value" : JSON.stringify(v));
/** Tag exists in meta.json, may be used here, and its value fits value_type and the oneof values (spec §2.3). */
export function checkTags(tags, listPointer, scope) {
    if (!Array.isArray(tags))
        return;
    tags.forEach((tag, i) => {
        const ptr = `${listPointer}/${i}`;
        if (scope.isBroken(ptr))
            return;
        const name = typeof tag === "string" ? tag : isObject(tag) && typeof tag.name === "string" ? tag.name : undefined;
        if (name === undefined)
            return;
        const hasValue = isObject(tag) && "value" in tag;
        const value = hasValue ? tag.value : undefined;
        const tagMeta = scope.meta.tags.get(name);
        if (!tagMeta) {
            scope.out.push(finding("tag-unknown", scope.file, ptr, `tag ${JSON.stringify(name)} is not defined in meta.json`));
            return;
        }
        if (scope.target === "object" && tagMeta.applicableType === "imagesOnly") {
            scope.out.push(finding("tag-not-applicable", scope.file, ptr, `tag ${JSON.stringify(name)} is for images only but is on an object`));
        }
        else if (scope.target === "image" && tagMeta.applicableType === "objectsOnly") {
            scope.out.push(finding("tag-not-applicable", scope.file, ptr, `tag ${JSON.stringify(name)} is for objects only but is on the image`));
        }
        else if (scope.target === "object" && tagMeta.classes.length && !tagMeta.classes.includes(scope.classTitle ?? "")) {
            scope.out.push(finding("tag-not-applicable", scope.file, ptr, `tag ${JSON.stringify(name)} is restricted to classes ${tagMeta.classes.map((c) => JSON.stringify(c)).join(", ")} but is on a ${JSON.stringify(scope.classTitle)} object`));
        }
        const valuePtr = hasValue ? `${ptr}/value` : ptr;
        const wrongType = (expected) => scope.out.push(finding("tag-value-type", scope.file, valuePtr, `tag ${JSON.stringify(name)} has value_type ${tagMeta.valueType} and needs ${expected}, got ${show(value)}`));
        switch (tagMeta.valueType) {
            case "none":
                if (value !== undefined && value !== null)
                    wrongType("no value");
                break;
            case "any_number":
                if (typeof value !== "number" || !Number.isFinite(value))
                    wrongType("a finite number");
                break;
            case "any_string":
                if (typeof value !== "string")
                    wrongType("a string");
                break;
            case "date":
                if (typeof value !== "string" || !isIsoDate(value))
                    wrongType("an ISO 8601 date string");
                break;
            case "oneof_string":
                if (typeof value !== "string")
                    wrongType("one of its values");
                else if (!tagMeta.values.includes(value)) {
                    scope.out.push(finding("tag-value-not-in-values", scope.file, valuePtr, `${JSON.stringify(value)} is not a value of tag ${JSON.stringify(name)} (allowed: ${tagMeta.values.map((v) => JSON.stringify(v)).join(", ")})`));
                }
                break;
        }
    });
}
//# sourceMappingURL=tag-checks.js.map