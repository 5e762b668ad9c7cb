// Library calls that must type-check (test/types/library-types.test.ts compiles this file with tsc --noEmit).
import {
  importDataset, exportProject, convertDataset, readDataset, writeDataset, detectFormat, iterateItems,
  type ExportOptions, type FormatName, type WriteOptionsOf,
} from "../../src/index.js";

export async function examples(): Promise<void> {
  const { format } = await detectFormat("./in");
  const detected: FormatName = format;
  await importDataset("./in", "./project", { format: detected });
  await importDataset("./in", "./project", { format: "coco", formatOptions: { dataset: "all", imagesDir: "./images" }, images: "copy" });
  await importDataset("./labels", "./project", { format: "yolov8", formatOptions: { obb: true, skipBadLines: true, imageSize: "640x480" } });
  await importDataset("./links.csv", "./project", { format: "links", formatOptions: { probeSizes: true, probeConcurrency: 8, probeTimeout: "5000" } });
  await importDataset("./masks", "./project", { format: "masks", formatOptions: { connectivity: 4, ignoreValue: "none", splitInstances: true } });
  await importDataset("./anything", "./project", { images: "none" });

  await exportProject("./project", "./yolo", { format: "yolo", formatOptions: { task: "segment", obbOrder: "ccw", skipCrowd: false } });
  await exportProject("./project", "./voc", { format: "pascal_voc", formatOptions: { imageFormat: "jpg" } });
  await exportProject("./project", "./coco.zip", { format: "coco", images: "copy", formatOptions: { polygons: true, captionTag: "caption" } });
  await exportProject("./project", "./masks", { format: "masks", formatOptions: { overlay: true, classMap: "./classes.json" } });
  const options: ExportOptions<"links"> = { format: "links", formatOptions: { listFormat: "txt" } };
  await exportProject("./project", "./links", options);
  const yoloOptions: WriteOptionsOf<"ultralytics"> = { task: "pose", splitTag: "split" };
  await exportProject("./project", "./pose", { format: "yolo", formatOptions: yoloOptions });

  await convertDataset("./coco", "./yolo", { from: "coco", to: "yolo", formatOptions: { dataset: "all", task: "detect" }, archive: "zip" });
  await convertDataset("./any", "./voc", { to: "voc" });

  const { project, dispose } = await readDataset("./in", { format: "voc" });
  for (const ds of project.datasets) for await (const item of iterateItems(ds.items)) void item.annotation.labels.length;
  await writeDataset(project, "./out", { format: "coco", formatOptions: { polygons: true } });
  await dispose();
}
