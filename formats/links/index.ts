import type { FormatAdapter } from "../../src/format.js";
import { detectLinks } from "./detect.js";
import { readLinksProject } from "./read.js";
import { writeLinksProject } from "./write.js";
import { linksExportOptions, linksImportOptions } from "./options.js";

export const linksFormat: FormatAdapter = {
  name: "links",
  title: "Link list",
  description: "remote images by URL: .txt (one URL per line) or .csv/.tsv with url, name and tag columns",
  readsShapes: [],
  writesShapes: [],
  importOptions: linksImportOptions,
  exportOptions: linksExportOptions,
  detect: detectLinks,
  read: (input, options, ctx) => readLinksProject(input, options, ctx),
  write: async (project, outDir, options, ctx) => {
    await writeLinksProject(project, outDir, options, ctx);
  },
};

export { readLinksProject, writeLinksProject };
export { probeImage, probeImages, DEFAULT_PROBE_SETTINGS } from "./probe.js";
