import { linksExportOptions, linksImportOptions, linksTagsWritten } from "./options.js";
export const linksFormat = {
    name: "links",
    title: "Link list",
    description: "remote images by URL: .txt (one URL per line) or .csv/.tsv with url, name and tag columns",
    readsShapes: [],
    writesShapes: [],
    importOptions: linksImportOptions,
    exportOptions: linksExportOptions,
    writesTags: linksTagsWritten,
    // Loaded on first call so that the CLI starts without them (src/registry.ts).
    detect: async (input) => (await import("./detect.js")).detectLinks(input),
    read: async (input, options, ctx) => (await import("./read.js")).readLinksProject(input, options, ctx),
    write: async (project, outDir, options, ctx) => {
        await (await import("./write.js")).writeLinksProject(project, outDir, options, ctx);
    },
    merge: async (shards, outDir, ctx, options) => (await import("./merge.js")).mergeLinksShards(shards, outDir, ctx, options),
};
//# sourceMappingURL=index.js.map