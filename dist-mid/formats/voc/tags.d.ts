/**
 * VOC object elements ↔ Supervisely tags, and the few tags this adapter uses for VOC structure.
 *
 *   <pose>Left</pose>                       → tag pose = "Left" (any_string)
 *   <difficult>1</difficult>, truncated, occluded → tag with its value (any_number when every value is a number)
 *   <actions><jumping>1</jumping></actions> → tag actions/jumping = 1
 *   <point><x>10</x><y>20</y></point>       → tags point/x, point/y
 *   <attributes><attribute><name>n</name><value>v</value></attribute></attributes> (CVAT) → tag n = v
 *   any other element                       → tag named by its path, value typed like the flags
 */
import type { ProjectMeta, Tag, TagValueType } from "../../src/model/index.js";
import type { VocField } from "./xml-model.js";
/** Object tag: the instance value of a bitmap in SegmentationObject (0 = a class region that is no object). */
export declare const INSTANCE_TAG = "voc_instance";
/** Object tag on a person-layout part (head, hand, foot): the class of the object it belongs to. */
export declare const PART_OF_TAG = "part_of";
/** Image tag, only where the list membership differs from the default (see image-sets.ts). */
export declare const IMAGE_SETS_TAG = "voc_image_sets";
/** Tag names that carry VOC structure rather than attributes; never written as XML elements. */
export declare const STRUCTURE_TAGS: Set<string>;
export declare const ACTIONS_PREFIX = "actions/";
/** Sees every field value of a dataset before any tag is made, so that one tag has one value type throughout. */
export declare class FieldTypeCollector {
    private readonly order;
    private readonly textual;
    observe(fields: readonly VocField[]): void;
    typeOf(name: string): TagValueType;
    /** Adds a tag meta per field name, in order of first appearance. */
    addTagMetas(meta: ProjectMeta): void;
}
export declare function fieldsToTags(fields: readonly VocField[], types: FieldTypeCollector): Tag[];
/** The text a tag value is written as: numbers as JavaScript prints them, `none` tags as 1 (present). */
export declare function tagText(tag: Tag): string;
export declare function findTag(tags: readonly Tag[], name: string): Tag | undefined;
