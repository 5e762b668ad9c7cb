import { yoloExportOptions, yoloImportOptions, yoloTagsWritten } from "./options.js";
export const yoloFormat = {
    name: "yolo",
    title: "YOLO (Ultralytics / Darknet)",
    description: "data.yaml or obj.data + images/ and labels/*.txt: detect boxes, segment polygons, pose keypoints, OBB (folders; archives are extracted first)",
    readsShapes: ["rectangle", "polygon", "graph", "oriented_bbox"],
    writesShapes: ["rectangle", "polygon", "graph", "oriented_bbox"],
    importOptions: yoloImportOptions,
    exportOptions: yoloExportOptions,
    writesTags: yoloTagsWritten,
    // A detect line is the object's box: the reader need not build outlines.
    geometryNeeded: (options) => ((options.task ?? "detect") === "detect" ? "extent" : "full"),
    // As Ultralytics' COCO converter (skips iscrowd) and its VOC script (skips difficult) do.
    skipsByDefault: { crowd: true, difficult: true },
    // Loaded on first call so that the CLI starts without them (src/registry.ts).
    detect: async (input) => (await import("./detect.js")).detectYolo(input),
    read: async (input, options, ctx) => {
        const { readYolo, yoloReadOptions } = await import("./read.js");
        return readYolo(input, yoloReadOptions(options), ctx);
    },
    write: async (project, outDir, options, ctx) => {
        const { writeYolo, yoloWriteOptions } = await import("./write.js");
        await writeYolo(project, outDir, yoloWriteOptions(options), ctx);
    },
    merge: async (shards, outDir, ctx, options) => (await import("./merge.js")).mergeYoloShards(shards, outDir, ctx, options),
};
//# sourceMappingURL=index.js.map