import type { OptionSpec } from "../../src/format.js";

export const vocImportOptions: readonly OptionSpec[] = [];

export const vocExportOptions: readonly OptionSpec[] = [
  {
    flags: "--image-format <format>",
    description: "VOC export: keep images as they are, or jpg to re-encode non-JPEG images into JPEGImages/*.jpg",
    choices: ["keep", "jpg"],
  },
];
