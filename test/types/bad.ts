// Library calls that must NOT type-check: each line marked `// error TSxxxx` must have that error, and no other line
// may have one (test/types/library-types.test.ts).
import { importDataset, exportProject, convertDataset, writeDataset, type Project } from "../../src/index.js";

export async function mistakes(project: Project): Promise<void> {
  await exportProject("./p", "./o", { format: "yolov8", formatOptions: { taks: "segment" } }); // error TS2353
  await exportProject("./p", "./o", { format: "yolo", formatOptions: { task: "segmentation" } }); // error TS2322
  await exportProject("./p", "./o", { format: "yolo9" }); // error TS2820
  await exportProject("./p", "./o", { format: "voc", formatOptions: { polygons: true } }); // error TS2353
  await exportProject("./p", "./o", { format: "coco", images: "move" }); // error TS2322
  await importDataset("./i", "./o", { format: "coco", formatOptions: { task: "detect" } }); // error TS2353
  await importDataset("./i", "./o", { format: "masks", formatOptions: { connectivity: 6 } }); // error TS2322
  await importDataset("./i", "./o", { format: "yolo", formatOptions: { obb: "yes" } }); // error TS2322
  await convertDataset("./i", "./o", { from: "coco", to: "yolo", formatOptions: { overlay: true } }); // error TS2353
  await convertDataset("./i", "./o", { to: "yolo", readOptions: {} }); // error TS2353
  await writeDataset(project, "./o", { format: "links", formatOptions: { listFormat: "xml" } }); // error TS2322
}
