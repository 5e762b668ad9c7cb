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
import type { Tag, TagValueType } from "../../src/model/index.js";
import type { VocField } from "./xml-model.js";

/** Object tag: the instance value of a bitmap in SegmentationObject (0 = a class region that is no object). */
export const INSTANCE_TAG = "voc_instance";
/** Object tag on a person-layout part (head, hand, foot): the class of the object it belongs to. */
export const PART_OF_TAG = "part_of";
/** Image tag, only where the list membership differs from the default (see image-sets.ts). */
export const IMAGE_SETS_TAG = "voc_image_sets";
/** Tag names that carry VOC structure rather than attributes; never written as XML elements. */
export const STRUCTURE_TAGS = new Set([INSTANCE_TAG, PART_OF_TAG, IMAGE_SETS_TAG]);

export const ACTIONS_PREFIX = "actions/";
/** Fields that are always text, whatever their values look like. */
const TEXT_FIELDS = new Set(["pose"]);

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Sees every field value of a dataset before any tag is made, so that one tag has one value type throughout. */
export class FieldTypeCollector {
  private readonly order: string[] = [];
  private readonly textual = new Set<string>();
  observe(fields: readonly VocField[]): void {
    for (const f of fields) {
      if (!this.order.includes(f.name)) this.order.push(f.name);
      if (TEXT_FIELDS.has(f.name) || !NUMERIC.test(f.value)) this.textual.add(f.name);
    }
  }
  typeOf(name: string): TagValueType {
    return this.textual.has(name) ? "any_string" : "any_number";
  }
  /** Each field name with its tag type, in order of first appearance. */
  fields(): [string, TagValueType][] {
    return this.order.map((name) => [name, this.typeOf(name)]);
  }
}

export function fieldsToTags(fields: readonly VocField[], types: FieldTypeCollector): Tag[] {
  return fields.map((f) => ({ name: f.name, value: types.typeOf(f.name) === "any_number" ? Number(f.value) : f.value }));
}

/** The text a tag value is written as: numbers as JavaScript prints them, `none` tags as 1 (present). */
export function tagText(tag: Tag): string {
  if (tag.value === undefined || tag.value === null) return "1";
  return String(tag.value);
}

export function findTag(tags: readonly Tag[], name: string): Tag | undefined {
  return tags.find((t) => t.name === name);
}
