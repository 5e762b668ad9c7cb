/**
 * Several outlines of one object → one YOLO segment line. A YOLO line holds one polygon per object, so an object
 * in parts (a COCO annotation with several polygons, a multipolygon, a mask of several blobs) is written as one
 * ring that visits every part: consecutive parts are joined where they come closest, by a zero-width cut that is
 * walked there and back. Filled, the joined ring covers the parts and (up to the zero-width cuts) nothing else;
 * Ultralytics' `convert_coco(use_segments=True)` writes multi-part annotations the same way.
 */
import type { Vec2 } from "../../src/model/index.js";
/**
 * One ring through every part, in the order given. Part i is entered at its vertex closest to part i − 1 and left,
 * towards part i + 1, at its vertex closest to that one; the walk goes down the chain of parts and comes back up,
 * so each cut is crossed twice.
 */
export declare function joinRings(rings: readonly (readonly Vec2[])[]): Vec2[];
