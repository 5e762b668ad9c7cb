import type { Finding } from "../report.js";
import { type MetaIndex } from "./meta-checks.js";
export interface TagScope {
    file: string;
    meta: MetaIndex;
    /** Where the tags hang: on the image, or on an object of class `classTitle`. */
    target: "image" | "object";
    classTitle?: string;
    isBroken: (pointer: string) => boolean;
    out: Finding[];
}
/** Tag exists in meta.json, may be used here, and its value fits value_type and the oneof values (spec §2.3). */
export declare function checkTags(tags: unknown, listPointer: string, scope: TagScope): void;
