export interface UnionOptions {
    /** Relative paths (forward slashes) that the merge writes itself, or leaves out, of shard `shard`: not copied. */
    skip?: (rel: string, shard: number) => boolean;
    /**
     * Where shard `shard`'s file or folder `rel` goes when the single run names it differently (undefined: the same
     * path, or inside its renamed folder).
     */
    renamed?: (shard: number, rel: string) => string | undefined;
    /** A file that several shards wrote with the same bytes is one file (an item written once for two datasets). */
    sameBytesAllowed?: boolean;
    /** Hardlink the files (copied where the file system cannot link them, or across file systems). */
    link?: boolean;
}
/**
 * A shard's file into the merged output: a hardlink when asked and possible, else a copy (a reflink where the file
 * system can); symlinks as symlinks. Never replaces a file (EEXIST goes to the caller).
 */
export declare function placeShardFile(from: string, to: string, opts: {
    link?: boolean;
    symlink?: boolean;
}): Promise<void>;
/** Copies every shard's files into `out` (reflinks where the file system can); returns how many were copied. */
export declare function copyUnion(dirs: readonly string[], out: string, opts?: UnionOptions): Promise<number>;
