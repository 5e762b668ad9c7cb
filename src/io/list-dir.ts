import fs from "node:fs/promises";
import type { Dirent } from "node:fs";
import path from "node:path";

/**
 * The entries of a folder ([] when it cannot be read). A symlink to a regular file counts as a file (its content is
 * read, as for Supervisely, COCO and YOLO inputs; writers copy or link the real file, never the link); a symlink to
 * anything else (a folder, a loop, nothing) is neither file nor folder, so folder walks never follow links into
 * cycles.
 */
export async function listDir(dir: string): Promise<Dirent[]> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  for (const d of entries) {
    if (!d.isSymbolicLink()) continue;
    const isFile = (await fs.stat(path.join(dir, d.name)).catch(() => null))?.isFile() ?? false;
    d.isFile = () => isFile;
  }
  return entries;
}
