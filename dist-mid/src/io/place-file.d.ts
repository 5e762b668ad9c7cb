/** How a writer puts an input file (an image) into its output. */
export type PlaceMode = "copy" | "hardlink" | "symlink";
/**
 * The file a source path really is: symlinks in the input are resolved, so that the output links or copies the real
 * file and never holds a symlink copied from the input; anything but a regular file (a dangling or looping link, a
 * folder, a device or FIFO) is refused, with the reason.
 */
export declare function realRegularFile(src: string): Promise<{
    real: string;
} | {
    why: string;
}>;
/**
 * Puts the file `src` at `dest` (whose folder exists): a copy (copy-on-write where the file system can: btrfs, XFS,
 * APFS), a hard link (a copy when linking fails: another device, no permission) or a symlink to the real file.
 * A file reached through a symlink (the link itself or a folder on the way) is read only if it starts like an image,
 * and is always copied: its real place may be outside the input, and the output never links there. Never
 * overwrites: an existing `dest` throws EEXIST, which writers report as a name clash. Gives the reason instead when
 * `src` is no readable regular file.
 */
export declare function placeFile(src: string, dest: string, mode: PlaceMode): Promise<{
    placed: true;
} | {
    why: string;
}>;
/** The warning a writer gives for an image it leaves out (see placeFile). */
export declare function imageLeftOutMessage(itemName: string, why: string): string;
