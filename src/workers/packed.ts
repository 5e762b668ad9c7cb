/**
 * Data in a form that is cheap to send to a worker thread. Geometries: every vertex list (polygon rings, line and cuboid points)
 * becomes one Float64Array of x, y pairs instead of an array of small arrays, which structured clone copies one
 * object at a time. Unpacking gives back the same numbers, so drawing the unpacked geometry gives the same pixels.
 * Bitmaps keep their `data` string (one string is cloned as one block). Palettes: 256 × r, g, b bytes.
 */
import type { Geometry, PolygonRing, Vec2 } from "../model/geometry.js";

export interface PackedRing { exterior: Float64Array; interior: Float64Array[] }

export type PackedGeometry =
  | { type: "polygon"; ring: PackedRing }
  | { type: "multipolygon"; parts: PackedRing[] }
  | { type: "line"; points: Float64Array }
  | { type: "cuboid"; points: Float64Array; faces: number[][] }
  | { type: "plain"; geometry: Geometry };

export function packPoints(points: readonly Vec2[]): Float64Array {
  const out = new Float64Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    out[2 * i] = points[i][0];
    out[2 * i + 1] = points[i][1];
  }
  return out;
}

export function unpackPoints(flat: Float64Array): Vec2[] {
  const out = new Array<Vec2>(flat.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = [flat[2 * i], flat[2 * i + 1]];
  return out;
}

export const packRing = (r: PolygonRing): PackedRing => ({ exterior: packPoints(r.exterior), interior: r.interior.map(packPoints) });
export const unpackRing = (r: PackedRing): PolygonRing => ({ exterior: unpackPoints(r.exterior), interior: r.interior.map(unpackPoints) });

export function packGeometry(g: Geometry): PackedGeometry {
  switch (g.type) {
    case "polygon": return { type: "polygon", ring: packRing(g) };
    case "multipolygon": return { type: "multipolygon", parts: g.parts.map(packRing) };
    case "line": return { type: "line", points: packPoints(g.points) };
    case "cuboid": return { type: "cuboid", points: packPoints(g.points), faces: g.faces };
    default: return { type: "plain", geometry: g };
  }
}

export function unpackGeometry(p: PackedGeometry): Geometry {
  switch (p.type) {
    case "polygon": return { type: "polygon", ...unpackRing(p.ring) };
    case "multipolygon": return { type: "multipolygon", parts: p.parts.map(unpackRing) };
    case "line": return { type: "line", points: unpackPoints(p.points) };
    case "cuboid": return { type: "cuboid", points: unpackPoints(p.points), faces: p.faces };
    default: return p.geometry;
  }
}

/** The ArrayBuffers of a packed geometry, for a postMessage transfer list (the packed copy is not used again). */
export function packedBuffers(p: PackedGeometry, into: ArrayBuffer[] = []): ArrayBuffer[] {
  const ring = (r: PackedRing) => {
    into.push(r.exterior.buffer as ArrayBuffer);
    for (const h of r.interior) into.push(h.buffer as ArrayBuffer);
  };
  if (p.type === "polygon") ring(p.ring);
  else if (p.type === "multipolygon") p.parts.forEach(ring);
  else if (p.type === "line" || p.type === "cuboid") into.push(p.points.buffer as ArrayBuffer);
  return into;
}

export type Rgb = [number, number, number];

export function packPalette(palette: readonly (readonly [number, number, number])[]): Uint8Array {
  const out = new Uint8Array(palette.length * 3);
  palette.forEach(([r, g, b], i) => out.set([r, g, b], i * 3));
  return out;
}

export function unpackPalette(p: Uint8Array): Rgb[] {
  const out: Rgb[] = [];
  for (let i = 0; i + 2 < p.length; i += 3) out.push([p[i], p[i + 1], p[i + 2]]);
  return out;
}
