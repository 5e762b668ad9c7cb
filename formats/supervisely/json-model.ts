/**
 * Supervisely JSON ↔ model. Read leniently (spec §9: `shape` or `geometryType`, bare-string tags, legacy meta keys,
 * the `{"annotation": …}` wrapper), write canonically in the key order the SDK writes, with every unknown field
 * kept after the known ones, so a canonical file reads and writes back byte for byte.
 */
import type {
  Annotation, Geometry, GraphNode, Label, ObjClass, ProjectMeta, Tag, TagMeta, TagValueType, Vec2,
} from "../../src/model/index.js";
import { TAG_VALUE_TYPES, distinctColor, isHexColor } from "../../src/model/index.js";
import { SlyconvError, jsonPointer } from "../../src/errors.js";
import type { PackedPoints } from "./packed.js";
import { isPointListStandIn } from "../../src/io/json-bytes.js";
import { flatExterior } from "../../src/geometry/extent.js";
import { maskOfPendingData } from "../../src/codecs/bitmap.js";
import type { BinaryMask } from "../../src/codecs/mask.js";
import { MAX_JSON_DEPTH, jsonNestsDeeperThan } from "../../src/io/json-file.js";
import { geometryOfPayload, geometryRule, payloadNeeds, pointCountProblem } from "../../src/supervisely/geometry-rules.js";

type Json = Record<string, unknown>;

export class SuperviselyJsonError extends SlyconvError {
  constructor(message: string, file: string | undefined, pointer: string) {
    super("sly-json", message, { file, pointer });
  }
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The keys of `src` not in `skip` (nor dropped by `drop`), in order; undefined when none is left. */
function pick(src: Json, skip: ReadonlySet<string>, drop?: (key: string, value: unknown) => boolean): Json | undefined {
  let out: Json | undefined;
  const keys = Object.keys(src);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (!skip.has(k) && !(drop && drop(k, src[k]))) setOwn((out ??= {}), k, src[k]);
  }
  return out;
}

class Reader {
  constructor(readonly file: string | undefined, readonly packed: PackedPoints | null = null) {}
  fail(pointer: string, message: string): never {
    throw new SuperviselyJsonError(message, this.file, pointer);
  }
  vec2(v: unknown, ptr: string): Vec2 {
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "number" || typeof v[1] !== "number") {
      this.fail(ptr, "expected a point [x, y] of two numbers");
    }
    // JSON.parse reads 1e999 as Infinity, which JSON.stringify would write back as null.
    if (!Number.isFinite(v[0]) || !Number.isFinite(v[1])) this.fail(ptr, `a coordinate is out of range (${JSON.stringify(v.map(String))}): expected finite numbers`);
    return [v[0], v[1]];
  }
  points(v: unknown, ptr: string): Vec2[] {
    if (this.packed !== null && isPointListStandIn(v)) {
      const pts = this.packed.take(v);
      if (pts) {
        // Made for this call: kept as they are once checked.
        for (let i = 0; i < pts.length; i++) {
          const p = pts[i];
          if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) this.vec2(p, `${ptr}/${i}`);
        }
        return pts;
      }
    }
    if (!Array.isArray(v)) this.fail(ptr, "expected a list of [x, y] points");
    const out: Vec2[] = [];
    // The pointer is made only for a point that fails.
    for (let i = 0; i < v.length; i++) {
      const p = v[i];
      out.push(Array.isArray(p) && p.length === 2 && typeof p[0] === "number" && typeof p[1] === "number" && Number.isFinite(p[0]) && Number.isFinite(p[1])
        ? [p[0], p[1]]
        : this.vec2(p, `${ptr}/${i}`));
    }
    return out;
  }
  rings(v: unknown, ptr: string): Vec2[][] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) this.fail(ptr, "expected a list of rings");
    return v.map((r, i) => this.points(r, `${ptr}/${i}`));
  }
  exteriorInterior(v: unknown, ptr: string): { exterior: Vec2[]; interior: Vec2[][] } {
    if (!isObject(v)) this.fail(ptr, "expected {exterior, interior}");
    return { exterior: this.points(v.exterior, `${ptr}/exterior`), interior: this.rings(v.interior, `${ptr}/interior`) };
  }
}

// ---------------------------------------------------------------------------------------------- tags

const TAG_KEYS = new Set(["name", "value"]);

export function tagFromJson(v: unknown, r: Reader, ptr: string): Tag {
  if (typeof v === "string") return { name: v };
  if (!isObject(v) || typeof v.name !== "string") r.fail(ptr, "a tag must be a string or an object with a string `name`");
  const tag: Tag = { name: v.name };
  if ("value" in v) {
    const val = v.value;
    if (val !== null && typeof val !== "string" && typeof val !== "number") r.fail(`${ptr}/value`, "tag value must be a string, a number or null");
    tag.value = val as string | number | null;
  }
  const extra = pick(v, TAG_KEYS);
  if (extra) tag.extra = extra;
  return tag;
}

/** Keys the SDK's `Tag.to_json` writes after name and value, in this order (when present). */
const TAG_INFO_ORDER = ["labelerLogin", "updatedAt", "createdAt"];

/** A tag's JSON object in the SDK's key order (`Tag.to_json`); keys the SDK does not know come last, as read. */
export function tagToJson(t: Tag): Json {
  const out: Json = { name: t.name };
  if (t.value !== undefined && t.value !== null) out.value = t.value;
  else if (t.value === null) out.value = null;
  addOrderedExtra(out, t.extra, TAG_INFO_ORDER);
  return out;
}

function tagsFromJson(v: unknown, r: Reader, ptr: string): Tag[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) r.fail(ptr, "`tags` must be a list");
  return v.map((t, i) => tagFromJson(t, r, `${ptr}/${i}`));
}

// ------------------------------------------------------------------------------------------ geometry

/** The geometry type a label JSON object declares or, failing that, its class's shape or what its payload shows. */
function labelGeometryType(v: Json, classShape: () => string | undefined): string | undefined {
  const declared = typeof v.geometryType === "string" ? v.geometryType : typeof v.shape === "string" ? v.shape : undefined;
  if (declared) return declared;
  const shape = classShape();
  if (shape && shape !== "any") return shape;
  return geometryOfPayload(v);
}

/** A payload that is not there or not what its geometry needs (the wording of src/supervisely/geometry-rules.ts). */
function badPayload(r: Reader, type: string, at: string): never {
  r.fail(at, payloadNeeds(type));
}

/** A wrong number of points (see GEOMETRY_RULES). */
function checkPointCount(r: Reader, type: string, found: number, at: string): void {
  const problem = pointCountProblem(type, found);
  if (problem) r.fail(at, problem);
}

function geometryFromJson(type: string, v: Json, r: Reader, ptr: string): Geometry {
  switch (type) {
    case "point": {
      const { exterior } = r.exteriorInterior(v.points, `${ptr}/points`);
      checkPointCount(r, type, exterior.length, `${ptr}/points/exterior`);
      return { type: "point", x: exterior[0][0], y: exterior[0][1] };
    }
    case "rectangle": {
      const { exterior } = r.exteriorInterior(v.points, `${ptr}/points`);
      checkPointCount(r, type, exterior.length, `${ptr}/points/exterior`);
      const [[x1, y1], [x2, y2]] = exterior;
      return { type: "rectangle", left: Math.min(x1, x2), top: Math.min(y1, y2), right: Math.max(x1, x2), bottom: Math.max(y1, y2) };
    }
    case "polygon": return { type: "polygon", ...r.exteriorInterior(v.points, `${ptr}/points`) };
    case "line": return { type: "line", points: r.exteriorInterior(v.points, `${ptr}/points`).exterior };
    case "multipolygon": {
      if (!Array.isArray(v.parts)) badPayload(r, type, `${ptr}/parts`);
      return { type: "multipolygon", parts: v.parts.map((p, i) => r.exteriorInterior(p, `${ptr}/parts/${i}`)) };
    }
    case "bitmap":
    case "alpha_mask": {
      const b = v.bitmap;
      if (!isObject(b) || typeof b.data !== "string") badPayload(r, type, `${ptr}/bitmap`);
      return { type, origin: r.vec2(b.origin, `${ptr}/bitmap/origin`), data: b.data };
    }
    case "graph": {
      if (!isObject(v.nodes)) badPayload(r, type, `${ptr}/nodes`);
      const nodes: Record<string, GraphNode> = {};
      for (const [key, n] of Object.entries(v.nodes)) {
        const nptr = `${ptr}/nodes${jsonPointer(key)}`;
        if (!isObject(n)) r.fail(nptr, "a node must be {loc: [x, y]}");
        const node: GraphNode = { loc: r.vec2(n.loc, `${nptr}/loc`) };
        if (n.disabled !== undefined) node.disabled = Boolean(n.disabled);
        const extra = pick(n, new Set(["loc", "disabled"]));
        if (extra) node.extra = extra;
        nodes[key] = node;
      }
      return { type: "graph", nodes };
    }
    case "cuboid_2d": {
      if (!isObject(v.vertices)) badPayload(r, type, `${ptr}/vertices`);
      const vertices: Record<string, { loc: Vec2 }> = {};
      for (const [key, n] of Object.entries(v.vertices)) {
        vertices[key] = { loc: r.vec2(isObject(n) ? n.loc : undefined, `${ptr}/vertices${jsonPointer(key)}/loc`) };
      }
      const extra: Json = {};
      for (const k of ["position", "rotation", "dimensions", "face"]) if (k in v) extra[k] = v[k];
      return { type: "cuboid_2d", vertices, extra };
    }
    case "cuboid": {
      if (!Array.isArray(v.faces)) badPayload(r, type, `${ptr}/faces`);
      return { type: "cuboid", points: r.points(v.points, `${ptr}/points`), faces: v.faces as number[][] };
    }
    case "oriented_bbox": {
      const pts = r.points(v.points, `${ptr}/points`);
      checkPointCount(r, type, pts.length, `${ptr}/points`);
      if (typeof v.angle !== "number") badPayload(r, type, `${ptr}/angle`);
      const [[x1, y1], [x2, y2]] = pts;
      return { type: "oriented_bbox", left: Math.min(x1, x2), top: Math.min(y1, y2), right: Math.max(x1, x2), bottom: Math.max(y1, y2), angle: v.angle };
    }
    default:
      return { type: "other", geometryType: type, payload: {} };
  }
}

/**
 * How far from an integer a coordinate is written as that integer. The SDK floors every coordinate it loads
 * (`PointLocation`: math.floor), so a computed 372.999892 (YOLO's normalised numbers × size) would land a pixel off;
 * a thousandth of a pixel is far below any tool's precision and far above doubles' rounding noise.
 */
export const SNAP_TO_INTEGER = 1e-3;

/** v, or the integer within SNAP_TO_INTEGER of it. */
export function snapCoordinate(v: number): number {
  const r = Math.round(v);
  return r !== v && Math.abs(v - r) <= SNAP_TO_INTEGER ? r + 0 : v;
}

const needsSnap = (v: number) => v !== Math.round(v) && Math.abs(v - Math.round(v)) <= SNAP_TO_INTEGER;
const snapPoint = (p: Vec2): Vec2 => (needsSnap(p[0]) || needsSnap(p[1]) ? [snapCoordinate(p[0]), snapCoordinate(p[1])] : p);

/** The points with coordinates snapped (see SNAP_TO_INTEGER): the same list when none needs it (the common case). */
function snapped(points: Vec2[]): Vec2[] {
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (needsSnap(p[0]) || needsSnap(p[1])) return points.map(snapPoint);
  }
  return points;
}

/**
 * How a value's builder writes each [[x, y], …] list: what it returns goes in the list's place (the writer thread's
 * packing puts a stand-in there). Without one, the list itself.
 */
export type PointListWriter = (<T>(points: T[]) => unknown) & {
  /** A list given as flat coordinates x1, y1, x2, y2, … (coords[0 .. count)), when the writer takes that form. */
  flat?(coords: Float64Array, count: number): unknown;
  /** What stands for the data of a bitmap not encoded yet (maskOfPendingData), when the writer encodes it itself. */
  mask?(mask: BinaryMask): unknown;
};

/** Where a lazy polygon's coordinates are copied to on their way to `flat` (kept between calls). */
const flatScratch = { coords: new Float64Array(1024) };

/**
 * A lazy polygon's exterior (src/geometry/extent.ts) written through `write.flat` from where its numbers are kept,
 * snapped as `snapped` snaps them; undefined when the polygon is not one whose points are still unread.
 */
function flatPointList(g: Geometry, write: PointListWriter): unknown {
  const count = flatExterior(g, flatScratch);
  if (count <= 0) return undefined;
  const c = flatScratch.coords;
  for (let i = 0; i < count; i++) if (needsSnap(c[i])) c[i] = snapCoordinate(c[i]);
  return write.flat!(c, count);
}

/** A point list as written (snapped), through `write` when there is one. */
const pointList = (points: Vec2[], write: PointListWriter | null) => (write ? write(snapped(points)) : snapped(points));

function ring(lists: PointListWriter | null, exterior: Vec2[], interior: Vec2[][] = []): Json {
  return { exterior: pointList(exterior, lists), interior: interior.map((h) => pointList(h, lists)) };
}

/** Sets an own property whatever the key ("__proto__" included, as JSON.parse and spreading do). */
function setOwn(out: Json, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** Adds the keys of `from` to `out`, in order; a key `out` has keeps its place and takes the new value (as spreading). */
function assignOwn(out: Json, from: Json | undefined): void {
  if (from) for (const k of Object.keys(from)) setOwn(out, k, from[k]);
}

/**
 * Adds a geometry's keys to a label's JSON object. Keys are set one by one rather than spread from an object made
 * for the purpose: a project's labels are serialized by the hundred thousand, and the spread objects were a
 * measurable part of it.
 */
function addGeometryJson(out: Json, g: Geometry, lists: PointListWriter | null): void {
  const c = snapCoordinate;
  switch (g.type) {
    case "point": out.points = ring(lists, [[c(g.x), c(g.y)]]); return;
    case "rectangle": out.points = ring(lists, [[c(g.left), c(g.top)], [c(g.right), c(g.bottom)]]); return;
    case "polygon": {
      const flat = lists?.flat ? flatPointList(g, lists) : undefined;
      out.points = flat !== undefined ? { exterior: flat, interior: g.interior.map((h) => pointList(h, lists)) } : ring(lists, g.exterior, g.interior);
      return;
    }
    case "line": out.points = ring(lists, g.points); return;
    case "multipolygon": out.parts = g.parts.map((p) => ring(lists, p.exterior, p.interior)); return;
    case "bitmap": {
      // A mask the reader has not encoded yet is encoded where the file is written (the file-writer thread).
      const pending = lists?.mask ? maskOfPendingData(g) : null;
      out.bitmap = { origin: snapPoint(g.origin), data: pending ? lists!.mask!(pending) : g.data };
      return;
    }
    case "alpha_mask": out.bitmap = { origin: snapPoint(g.origin), data: g.data }; return;
    case "graph": {
      const nodes: Json = {};
      for (const [k, n] of Object.entries(g.nodes)) {
        const node: Json = { loc: snapPoint(n.loc) };
        if (n.disabled) node.disabled = true;
        assignOwn(node, n.extra);
        setOwn(nodes, k, node);
      }
      out.nodes = nodes;
      return;
    }
    case "cuboid_2d": {
      let vertices = g.vertices;
      if (Object.values(vertices).some((v) => snapPoint(v.loc) !== v.loc)) {
        vertices = {};
        for (const [k, v] of Object.entries(g.vertices)) setOwn(vertices as Json, k, { ...v, loc: snapPoint(v.loc) });
      }
      out.vertices = vertices;
      assignOwn(out, g.extra);
      return;
    }
    case "cuboid": out.points = pointList(g.points, lists); out.faces = g.faces; return;
    case "oriented_bbox": out.points = [[c(g.left), c(g.top)], [c(g.right), c(g.bottom)]]; out.angle = g.angle; return;
    case "other": assignOwn(out, g.payload); return;
  }
}

// ---------------------------------------------------------------------------------------------- labels

const LABEL_COMMON_KEYS = ["classTitle", "description", "tags", "geometryType", "shape"];
/** Creation info and ids the SDK writes right after the geometry, in this order. */
const LABEL_INFO_ORDER = ["labelerLogin", "updatedAt", "createdAt", "id", "classId"];

/** Keys of a label object that are not kept in `extra`, per geometry type. */
const LABEL_SKIP = new Map<string, ReadonlySet<string>>();
function labelSkipKeys(type: string): ReadonlySet<string> {
  let skip = LABEL_SKIP.get(type);
  if (!skip) LABEL_SKIP.set(type, (skip = new Set([...LABEL_COMMON_KEYS, ...(geometryRule(type)?.payload ?? [])])));
  return skip;
}

export function labelFromJson(v: unknown, meta: ProjectMeta | undefined, r: Reader, ptr: string): Label {
  if (!isObject(v)) r.fail(ptr, "an object must be a JSON object");
  if (typeof v.classTitle !== "string") r.fail(`${ptr}/classTitle`, "an object needs a string `classTitle`");
  const title = v.classTitle;
  // The class is looked up only when the label does not say its geometry type.
  const type = labelGeometryType(v, () => meta?.classes.find((c) => c.title === title)?.shape);
  if (!type) r.fail(ptr, "cannot tell the geometry: no `geometryType`, no known class and no recognisable payload");
  const geometry = geometryFromJson(type, v, r, ptr);
  const skip = labelSkipKeys(geometry.type);
  const label: Label = { classTitle: v.classTitle, geometry, tags: tagsFromJson(v.tags, r, `${ptr}/tags`) };
  if (typeof v.description === "string" && v.description !== "") label.description = v.description;
  const extra = pick(v, skip, isDefaultLabelFlag);
  if (extra) label.extra = extra;
  return label;
}

/** nnCreated/nnUpdated false (a manual label) is what the writer writes when they are absent: not kept. */
const isDefaultLabelFlag = (k: string, value: unknown) => value === false && (k === "nnCreated" || k === "nnUpdated");

/** Adds `extra`'s keys to `out`: those of `first` first, in that order, then the others in theirs. */
function addOrderedExtra(out: Json, extra: Json | undefined, first: readonly string[]): void {
  if (!extra) return;
  for (const k of first) if (Object.hasOwn(extra, k)) setOwn(out, k, extra[k]);
  for (const k of Object.keys(extra)) if (!first.includes(k)) setOwn(out, k, extra[k]);
}

/** Keys the SDK's `Label.to_json` writes after `nnCreated`/`nnUpdated`, in this order (when present). */
const LABEL_TAIL_ORDER = ["classId", "instance", "smartToolInput", "id"];

/**
 * A label's JSON object in the SDK's key order (`Label.to_json`): classTitle, description, tags, the geometry, the
 * creation info, geometryType/shape, nnCreated, nnUpdated (false unless read otherwise), then instance and
 * smartToolInput; keys the SDK does not know come last, as read. With `lists`, each point list is written through
 * it (see PointListWriter).
 */
export function labelToJson(l: Label, lists: PointListWriter | null = null): Json {
  const type = l.geometry.type === "other" ? l.geometry.geometryType : l.geometry.type;
  const out: Json = { classTitle: l.classTitle, description: l.description ?? "", tags: l.tags.map(tagToJson) };
  addGeometryJson(out, l.geometry, lists);
  // The SDK writes shape, geometryType inside some geometries' own JSON (GeometryRule.shapeFirst).
  if (geometryRule(type)?.shapeFirst) {
    out.shape = type;
    out.geometryType = type;
  }
  const extra = l.extra;
  if (extra) for (const k of LABEL_INFO_ORDER) if (Object.hasOwn(extra, k)) setOwn(out, k, extra[k]);
  out.geometryType = type;
  out.shape = type;
  out.nnCreated = extra && Object.hasOwn(extra, "nnCreated") ? extra.nnCreated : false;
  out.nnUpdated = extra && Object.hasOwn(extra, "nnUpdated") ? extra.nnUpdated : false;
  addOrderedExtra(out, extra, LABEL_TAIL_ORDER);
  return out;
}

// ----------------------------------------------------------------------------------------- annotation

const ANN_KEYS = new Set(["description", "size", "tags", "objects", "customBigData"]);

/** Parses an annotation file's JSON (with or without the server's `{"annotation": …}` wrapper). */
export function annotationFromJson(raw: unknown, meta: ProjectMeta | undefined, file?: string, packed?: PackedPoints): Annotation {
  const r: Reader = new Reader(file, packed ?? null);
  let v = raw;
  let base = "";
  if (isObject(v) && isObject(v.annotation) && !("objects" in v)) {
    v = v.annotation;
    base = "/annotation";
  }
  if (!isObject(v)) r.fail(base || "", "an annotation must be a JSON object");
  const size = v.size;
  if (!isObject(size)) r.fail(`${base}/size`, "an annotation needs `size` {height, width}");
  const dim = (d: unknown, key: string): number | null => {
    if (d === null || d === undefined) return null;
    if (typeof d !== "number") r.fail(`${base}/size/${key}`, `${key} must be a number or null`);
    if (!Number.isFinite(d)) r.fail(`${base}/size/${key}`, `${key} is out of range (${d}): expected a finite number`);
    // Every mask, canvas and check sizes its buffers from these: 10.5 or -3 pixels is no image size.
    if (!Number.isInteger(d) || d < 0) r.fail(`${base}/size/${key}`, `${key} is ${d}: an image size is a whole number of pixels (or null when unknown); correct it in the file`);
    return d;
  };
  const objects = v.objects ?? [];
  if (!Array.isArray(objects)) r.fail(`${base}/objects`, "`objects` must be a list");
  const ann: Annotation = {
    size: { width: dim(size.width, "width"), height: dim(size.height, "height") },
    tags: tagsFromJson(v.tags, r, `${base}/tags`),
    labels: objects.map((o, i) => labelFromJson(o, meta, r, `${base}/objects/${i}`)),
  };
  if (typeof v.description === "string" && v.description !== "") ann.description = v.description;
  if (isObject(v.customBigData)) ann.customBigData = v.customBigData;
  const extra = pick(v, ANN_KEYS);
  if (extra) ann.extra = extra;
  // Kept as they are and written back out: refused here, with their place, rather than overflowing the stack later.
  const tooDeep = (x: unknown, ptr: string) => {
    if (jsonNestsDeeperThan(x)) r.fail(ptr, `the value nests more than ${MAX_JSON_DEPTH} levels of arrays or objects, which cannot be written back out; flatten or remove it`);
  };
  tooDeep(ann.customBigData, `${base}/customBigData`);
  for (const [k, x] of Object.entries(ann.extra ?? {})) tooDeep(x, `${base}${jsonPointer(k)}`);
  ann.labels.forEach((l, i) => {
    for (const [k, x] of Object.entries(l.extra ?? {})) tooDeep(x, `${base}${jsonPointer("objects", i, k)}`);
  });
  return ann;
}

/** An annotation file's JSON object; with `lists`, each point list is written through it (see PointListWriter). */
export function annotationToJson(a: Annotation, lists: PointListWriter | null = null): Json {
  return {
    description: a.description ?? "",
    size: { height: a.size.height, width: a.size.width },
    tags: a.tags.map(tagToJson),
    objects: a.labels.map((l) => labelToJson(l, lists)),
    customBigData: a.customBigData ?? {},
    ...a.extra,
  };
}

// ---------------------------------------------------------------------------------------------- meta

const CLASS_KEYS = new Set(["title", "shape", "color", "geometry_config", "description", "hotkey", "id"]);
const TAG_META_KEYS = new Set(["name", "value_type", "values", "color", "hotkey", "applicable_type", "classes", "id"]);
const META_KEYS = new Set(["classes", "tags", "tags_images", "tags_objects", "projectType", "projectSettings"]);

export interface MetaReadIssue { pointer: string; message: string }

/**
 * Parses meta.json. Problems a reader can recover from (a bad colour) are returned as issues rather than thrown.
 */
export function metaFromJson(v: unknown, file?: string, issues: MetaReadIssue[] = []): ProjectMeta {
  const r: Reader = new Reader(file);
  if (!isObject(v)) r.fail("", "meta.json must be a JSON object");
  if (!Array.isArray(v.classes)) r.fail("/classes", "meta.json needs a `classes` list");
  const classes = v.classes.map((c, i): ObjClass => {
    const ptr = `/classes/${i}`;
    if (!isObject(c) || typeof c.title !== "string") r.fail(ptr, "a class needs a string `title`");
    if (typeof c.shape !== "string") r.fail(`${ptr}/shape`, "a class needs a string `shape`");
    let color = c.color;
    if (!isHexColor(color)) {
      issues.push({ pointer: `${ptr}/color`, message: `colour ${JSON.stringify(color)} is not #RRGGBB; a generated colour is used` });
      color = distinctColor(i);
    }
    const cls: ObjClass = {
      title: c.title,
      shape: c.shape,
      color: (color as string).toUpperCase(),
      geometryConfig: isObject(c.geometry_config) ? c.geometry_config : {},
      description: typeof c.description === "string" ? c.description : "",
      hotkey: typeof c.hotkey === "string" ? c.hotkey : "",
      extra: pick(c, CLASS_KEYS) ?? {},
    };
    if (typeof c.id === "number") cls.id = c.id;
    return cls;
  });
  const hasNew = "tags" in v, hasLegacy = "tags_images" in v || "tags_objects" in v;
  if (hasNew && hasLegacy) r.fail("/tags", "meta.json mixes `tags` with legacy `tags_images`/`tags_objects`");
  const tagSources: [string, unknown][] = hasLegacy
    ? [["/tags_images", v.tags_images], ["/tags_objects", v.tags_objects]]
    : [["/tags", v.tags]];
  const tagMetas: TagMeta[] = [];
  for (const [base, list] of tagSources) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) r.fail(base, "tag metas must be a list");
    list.forEach((t, i) => {
      const ptr = `${base}/${i}`;
      if (typeof t === "string") t = { name: t, value_type: "none" };
      if (!isObject(t) || typeof t.name !== "string") r.fail(ptr, "a tag meta needs a string `name`");
      if (tagMetas.some((x) => x.name === t.name)) return; // legacy lists may repeat a tag in both
      const vt = t.value_type ?? "none";
      if (!TAG_VALUE_TYPES.includes(vt as TagValueType)) r.fail(`${ptr}/value_type`, `unknown value_type ${JSON.stringify(vt)}`);
      let color = t.color;
      if (!isHexColor(color)) {
        if (color !== undefined) issues.push({ pointer: `${ptr}/color`, message: `colour ${JSON.stringify(color)} is not #RRGGBB; a generated colour is used` });
        color = distinctColor(i + 7);
      }
      const tm: TagMeta = {
        name: t.name,
        valueType: vt as TagValueType,
        color: (color as string).toUpperCase(),
        hotkey: typeof t.hotkey === "string" ? t.hotkey : "",
        applicableType: (t.applicable_type as TagMeta["applicableType"]) ?? "all",
        classes: Array.isArray(t.classes) ? (t.classes as string[]) : [],
        // target_type "all" (every image tag) is what the writer writes when it is absent: not kept.
        extra: pick(t, TAG_META_KEYS, (k, value) => k === "target_type" && value === "all") ?? {},
      };
      if (Array.isArray(t.values)) tm.values = t.values as string[];
      if (typeof t.id === "number") tm.id = t.id;
      tagMetas.push(tm);
    });
  }
  const meta: ProjectMeta = { classes, tagMetas, extra: pick(v, META_KEYS) ?? {} };
  if (typeof v.projectType === "string") meta.projectType = v.projectType;
  if (isObject(v.projectSettings)) meta.projectSettings = v.projectSettings;
  return meta;
}

const DEFAULT_PROJECT_SETTINGS = { multiView: { enabled: false, tagName: null, tagId: null, isSynced: false } };

export function metaToJson(m: ProjectMeta): Json {
  return {
    classes: m.classes.map((c) => ({
      title: c.title,
      description: c.description,
      shape: c.shape,
      color: c.color.toUpperCase(),
      geometry_config: c.geometryConfig,
      ...(c.id !== undefined ? { id: c.id } : {}),
      hotkey: c.hotkey,
      ...c.extra,
    })),
    tags: m.tagMetas.map((t) => ({
      name: t.name,
      value_type: t.valueType,
      color: t.color.toUpperCase(),
      ...(t.valueType === "oneof_string" ? { values: t.values ?? [] } : {}),
      ...(t.id !== undefined ? { id: t.id } : {}),
      hotkey: t.hotkey,
      applicable_type: t.applicableType,
      classes: t.classes,
      // The SDK's TagMeta.to_json always writes it (video scope; "all" for images).
      target_type: "all",
      ...t.extra,
    })),
    // sly.read_project refuses a project without it ("Unknown type of project: 'None'").
    projectType: m.projectType ?? "images",
    projectSettings: m.projectSettings ?? DEFAULT_PROJECT_SETTINGS,
    ...m.extra,
  };
}
