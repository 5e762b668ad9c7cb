/**
 * The project meta of a VOC import: the classes the items hold (declared ones in their table order first, the rest by
 * name; a class's colour from the first mask that shows it, else its declared or standard colour; its shape that of
 * its labels, `any` when boxes and masks), the object tags of the XML fields, and the tags of VOC's structure that
 * some item uses. A shard that reads only its items records what it saw (VocReadState) and merge makes the single
 * run's meta from every shard's (mergeVocMeta), by the same rules.
 */
import type { ProjectMeta, TagValueType } from "../../src/model/index.js";
import { emptyProjectMeta, ensureClass, ensureTagMeta, rgbToHex } from "../../src/model/index.js";
import { SlyconvError } from "../../src/errors.js";
import { standardVocColor, type ClassTable, type Rgb } from "./palette.js";
import { IMAGE_SETS_TAG, INSTANCE_TAG, PART_OF_TAG } from "./tags.js";

interface SeenClass { shapes: Set<string>; color?: Rgb; colorAt?: number }

/** Which of VOC's structure tags some item has. */
export interface UsedTags { instance: boolean; partOf: boolean; imageSets: boolean }

/** What a VOC shard's reader saw, for merge (the manifest's `read.state.voc`). */
export interface VocReadState {
  /** Every class name the class tables declare, in their order. */
  declared: string[];
  /** Each class the shard's items hold: its shapes, the first mask colour and where, its declared or standard colour. */
  classes: [title: string, shapes: string[], color: Rgb | null, colorAt: number | null, fallback: Rgb | null][];
  /** The XML fields of the whole input with their tag types, in order of first appearance. */
  fields: [name: string, type: TagValueType][];
  used: UsedTags;
}

/** Classes seen while building items: shapes used, colour (and the build position `at` of the item it came from). */
export class ClassCollector {
  readonly seen = new Map<string, SeenClass>();
  /** The position in the run's build order of the item being built (root index × 2^32 + its id's index). */
  at = 0;
  add(title: string, shape: string, color?: Rgb): void {
    const e = this.seen.get(title) ?? { shapes: new Set<string>() };
    this.seen.set(title, e);
    e.shapes.add(shape);
    if (color && !e.color) {
      e.color = color;
      e.colorAt = this.at;
    }
  }
}

const declaredOf = (tables: readonly ClassTable[]) => [...new Set(tables.flatMap((t) => t.declared))];
const fallbackColor = (title: string, tables: readonly ClassTable[]) => tables.map((t) => t.declaredColors.get(title)).find(Boolean) ?? standardVocColor(title);

function metaOf(seen: ReadonlyMap<string, SeenClass & { fallback?: Rgb }>, declared: readonly string[], fields: readonly [string, TagValueType][], used: UsedTags): ProjectMeta {
  const meta = emptyProjectMeta();
  const first = declared.filter((n) => seen.has(n));
  const rest = [...seen.keys()].filter((n) => !first.includes(n)).sort();
  for (const title of [...first, ...rest]) {
    const e = seen.get(title)!;
    const color = e.color ?? e.fallback;
    // A class with boxes and masks is one class of shape `any` (spec §9: no `name_bbox` doubling).
    const shape = e.shapes.size === 1 ? [...e.shapes][0] : "any";
    ensureClass(meta, title, shape, color ? { color: rgbToHex(color) } : {});
  }
  for (const [name, type] of fields) ensureTagMeta(meta, name, type, { applicableType: "objectsOnly" });
  if (used.instance) ensureTagMeta(meta, INSTANCE_TAG, "any_number", { applicableType: "objectsOnly" });
  if (used.partOf) ensureTagMeta(meta, PART_OF_TAG, "any_string", { applicableType: "objectsOnly" });
  if (used.imageSets) ensureTagMeta(meta, IMAGE_SETS_TAG, "any_string", { applicableType: "imagesOnly" });
  return meta;
}

/** The meta of the classes collected, the fields and the structure tags used. */
export function vocMeta(classes: ClassCollector, tables: readonly ClassTable[], fields: readonly [string, TagValueType][], used: UsedTags): ProjectMeta {
  const seen = new Map([...classes.seen].map(([title, e]) => [title, { ...e, fallback: fallbackColor(title, tables) }]));
  return metaOf(seen, declaredOf(tables), fields, used);
}

export function vocReadState(classes: ClassCollector, tables: readonly ClassTable[], fields: readonly [string, TagValueType][], used: UsedTags): VocReadState {
  return {
    declared: declaredOf(tables),
    classes: [...classes.seen].map(([title, e]) => [title, [...e.shapes], e.color ?? null, e.colorAt ?? null, fallbackColor(title, tables) ?? null]),
    fields: [...fields],
    used: { ...used },
  };
}

function stateOf(state: Record<string, unknown>): VocReadState {
  const v = state.voc as VocReadState | undefined;
  if (!v || !Array.isArray(v.declared) || !Array.isArray(v.classes) || !Array.isArray(v.fields) || typeof v.used !== "object" || v.used === null) {
    throw new SlyconvError("shard-invalid", "a VOC shard's manifest has no classes of what it read (read.state.voc); was it edited? Write that shard again", {}, 2);
  }
  return v;
}

/** The single run's meta from what each shard's reader saw: shapes joined, the colour of the earliest mask kept. */
export async function mergeVocMeta(states: readonly Record<string, unknown>[]): Promise<ProjectMeta> {
  const read = states.map(stateOf);
  const seen = new Map<string, SeenClass & { fallback?: Rgb }>();
  const used: UsedTags = { instance: false, partOf: false, imageSets: false };
  for (const st of read) {
    for (const [title, shapes, color, colorAt, fallback] of st.classes) {
      const e = seen.get(title) ?? { shapes: new Set<string>(), ...(fallback ? { fallback } : {}) };
      seen.set(title, e);
      for (const s of shapes) e.shapes.add(s);
      if (color && colorAt !== null && (e.colorAt === undefined || colorAt < e.colorAt)) {
        e.color = color;
        e.colorAt = colorAt;
      }
    }
    used.instance ||= st.used.instance;
    used.partOf ||= st.used.partOf;
    used.imageSets ||= st.used.imageSets;
  }
  return metaOf(seen, read[0].declared, read[0].fields, used);
}
