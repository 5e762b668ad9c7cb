import fs from "node:fs";
import path from "node:path";

/**
 * A Supervisely project of `items` annotation files with ten 40-vertex polygons each: big enough that reading,
 * extracting or writing it takes a moment, so a test can interrupt it midway.
 */
export function makePolygonProject(dir: string, items: number): void {
  fs.mkdirSync(path.join(dir, "ds/ann"), { recursive: true });
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ classes: [{ title: "car", shape: "polygon", color: "#FF0000" }], tags: [] }));
  const exterior = Array.from({ length: 40 }, (_, k) => [k, (k * 7) % 300]);
  const objects = Array.from({ length: 10 }, () => ({ classTitle: "car", tags: [], points: { exterior, interior: [] } }));
  const body = JSON.stringify({ size: { height: 300, width: 300 }, tags: [], objects });
  for (let i = 0; i < items; i++) fs.writeFileSync(path.join(dir, "ds/ann", `img${i}.png.json`), body);
}
