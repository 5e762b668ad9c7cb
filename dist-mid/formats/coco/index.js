import { cocoExportOptions, cocoImportOptions, cocoTagsWritten } from "./options.js";
export const cocoFormat = {
    name: "coco",
    title: "COCO",
    description: "COCO JSON (instances, person_keypoints, captions) with an images folder; RLE masks pixel-exact",
    readsShapes: ["polygon", "bitmap", "rectangle", "graph"],
    writesShapes: ["polygon", "multipolygon", "bitmap", "rectangle", "graph"],
    importOptions: cocoImportOptions,
    exportOptions: cocoExportOptions,
    writesTags: cocoTagsWritten,
    // Loaded on first call so that the CLI starts without them (src/registry.ts).
    detect: async (input) => (await import("./detect.js")).detectCoco(input),
    read: async (input, options, ctx) => (await import("./read.js")).readCocoProject(input, options, ctx),
    write: async (project, outDir, options, ctx) => (await import("./write.js")).writeCocoProject(project, outDir, options, ctx),
    merge: async (shards, outDir, ctx, options) => (await import("./merge.js")).mergeCocoShards(shards, outDir, ctx, options),
};
//# sourceMappingURL=index.js.map