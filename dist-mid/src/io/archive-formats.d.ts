/** The archive types export and convert can write; apart from archive-create.ts so that the CLI lists them without loading it. */
export type ArchiveFormat = "zip" | "tar.gz";
export declare const ARCHIVE_FORMATS: readonly ArchiveFormat[];
