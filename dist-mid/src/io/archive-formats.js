export const ARCHIVE_FORMATS = ["zip", "tar.gz"];
//# sourceMappingURL=archive-formats.js.map