import type { Finding } from "../report.js";
import { type MetaIndex } from "./meta-checks.js";
import { type ImageBox } from "./geometry-checks.js";
export interface AnnotationCheck {
    findings: Finding[];
    /** The annotation's size: numbers, null when it says "unknown" (both null), undefined when unusable. */
    size: ImageBox | null | undefined;
    /** JSON pointer of `size` in the file (under `/annotation` for the server's wrapper). */
    sizePointer: string;
}
/** A pointer is broken when the schema reported something at it or inside it; semantic checks skip those parts. */
export declare function brokenTest(broken: readonly string[]): (pointer: string) => boolean;
/** Semantic checks of one annotation file's JSON (after its schema check, whose broken pointers are skipped). */
export declare function checkAnnotation(raw: unknown, file: string, meta: MetaIndex | undefined, broken: readonly string[]): AnnotationCheck;
