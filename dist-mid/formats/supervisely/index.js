import { SHAPES_2D } from "../../src/model/geometry.js";
import { superviselyImportOptions, superviselyWriteOptions } from "./options.js";
export const superviselyFormat = {
    name: "supervisely",
    title: "Supervisely project",
    description: "meta.json plus datasets with img/, ann/, img_info/, meta/ and nested datasets/",
    readsShapes: SHAPES_2D,
    writesShapes: SHAPES_2D,
    importOptions: superviselyImportOptions,
    exportOptions: superviselyWriteOptions,
    writesTags: () => ({ image: () => true, object: () => true }),
    // Loaded on first call so that the CLI starts without them (src/registry.ts).
    detect: async (input) => (await import("./detect.js")).detectSupervisely(input),
    read: async (input, _options, ctx) => (await import("./read.js")).readSuperviselyProject(input, ctx),
    // The writer copies each polygon's points once into its packing (PointLists): a reader may keep them where they are.
    geometryNeeded: () => "flat",
    write: async (project, outDir, options, ctx) => {
        await (await import("./write.js")).writeSuperviselyProject(project, outDir, { images: options.images }, ctx);
    },
};
//# sourceMappingURL=index.js.map