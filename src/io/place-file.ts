import fs from "node:fs/promises";
import { constants as fsConstants } from "node:fs";

/** How a writer puts an input file (an image) into its output. */
export type PlaceMode = "copy" | "hardlink" | "symlink";

/**
 * The file a source path really is: symlinks in the input are resolved, so that the output links or copies the real
 * file and never holds a symlink copied from the input; anything but a regular file (a dangling or looping link, a
 * folder, a device or FIFO) is refused, with the reason.
 */
export async function realRegularFile(src: string): Promise<{ real: string } | { why: string }> {
  try {
    const real = await fs.realpath(src);
    const st = await fs.stat(real);
    if (!st.isFile()) return { why: st.isDirectory() ? "it is a folder" : "it is not a regular file (a device, FIFO or socket)" };
    return { real };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { why: code === "ENOENT" ? "it does not exist (or is a symlink to nothing)" : code === "ELOOP" ? "it is a symlink loop" : `it cannot be read (${code ?? (e as Error).message})` };
  }
}

/**
 * Puts the file `src` at `dest` (whose folder exists) as a copy, a hard link (a copy when linking fails: another
 * device, no permission) or a symlink to the real file. Never overwrites: an existing `dest` throws EEXIST, which
 * writers report as a name clash. Gives the reason instead when `src` is no readable regular file.
 */
export async function placeFile(src: string, dest: string, mode: PlaceMode): Promise<{ placed: true } | { why: string }> {
  const found = await realRegularFile(src);
  if ("why" in found) return found;
  if (mode === "symlink") {
    await fs.symlink(found.real, dest);
    return { placed: true };
  }
  if (mode === "hardlink") {
    try {
      await fs.link(found.real, dest);
      return { placed: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") throw e;
      /* another device or no permission: fall back to a copy */
    }
  }
  await fs.copyFile(found.real, dest, fsConstants.COPYFILE_EXCL);
  return { placed: true };
}

/** The warning a writer gives for an image it leaves out (see placeFile). */
export function imageLeftOutMessage(itemName: string, why: string): string {
  return `the image of item ${JSON.stringify(itemName)} is left out: ${why}; its annotation is written`;
}
