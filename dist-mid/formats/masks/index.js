import { masksExportOptions, masksImportOptions, masksTagsWritten } from "./options.js";
export const masksFormat = {
    name: "masks",
    title: "PNG masks",
    description: "semantic masks (class index or colour PNGs) and instance masks paired with images by file stem; Supervisely's export-as-masks layout",
    readsShapes: ["bitmap"],
    // Everything with an area is rasterised; points and lines become 1-pixel strokes.
    writesShapes: ["bitmap", "alpha_mask", "polygon", "multipolygon", "rectangle", "oriented_bbox", "cuboid", "cuboid_2d", "line", "point"],
    importOptions: masksImportOptions,
    exportOptions: masksExportOptions,
    writesTags: () => masksTagsWritten,
    // Loaded on first call so that the CLI starts without them (src/registry.ts).
    detect: async (input) => (await import("./detect.js")).detectMasks(input),
    read: async (input, options, ctx) => (await import("./read.js")).readMasksProject(input, options, ctx),
    write: async (project, outDir, options, ctx) => {
        await (await import("./write.js")).writeMasksProject(project, outDir, options, ctx);
    },
    merge: async (shards, outDir, ctx, options) => (await import("./merge.js")).mergeMasksShards(shards, outDir, ctx, options),
};
//# sourceMappingURL=index.js.map