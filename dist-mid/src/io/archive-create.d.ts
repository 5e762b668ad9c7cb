import { ARCHIVE_FORMATS, type ArchiveFormat } from "./archive-formats.js";
export { ARCHIVE_FORMATS, type ArchiveFormat };
export declare function isArchiveFormat(value: unknown): value is ArchiveFormat;
/**
 * The file an archive export writes: `out` itself when it already ends in the format's extension (.zip; .tar.gz or
 * .tgz), otherwise `out` with the extension added. An `out` ending in a different archive extension is refused
 * rather than turned into "x.tar.gz.zip".
 */
export declare function archiveOutputPath(out: string, format: ArchiveFormat): string;
/**
 * Streams the content of `sourceDir` into a new archive file at `archivePath` (which must not exist: it is meant to
 * be writeAtomically's temporary path). Returns the number of entries and the archive size.
 */
export declare function writeArchive(sourceDir: string, archivePath: string, format: ArchiveFormat): Promise<{
    entries: number;
    bytes: number;
}>;
/**
 * Lets `fill` write into a scratch folder beside `output` (the same disk the output goes to, rather than a possibly
 * small /tmp), streams that folder into a new archive at `archivePath` (writeAtomically's temporary path for
 * `output`), and removes the scratch folder either way.
 */
export declare function writeArchiveFrom(archivePath: string, format: ArchiveFormat, fill: (dir: string) => Promise<unknown>, output?: string): Promise<{
    entries: number;
    bytes: number;
}>;
