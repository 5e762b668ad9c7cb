/** Folder names of a Supervisely project (spec §1.1). */
export const IMG_DIR = "img";
export const ANN_DIR = "ann";
export const IMG_INFO_DIR = "img_info";
export const META_DIR = "meta";
export const DATASETS_DIR = "datasets";
export const META_FILE = "meta.json";

/** Folder names inside a dataset that are never datasets themselves. */
export const RESERVED_DIRS = new Set([IMG_DIR, ANN_DIR, IMG_INFO_DIR, META_DIR, DATASETS_DIR, "seg", "blob",
  "masks_human", "masks_machine", "masks_instances"]);

/** Image extensions Supervisely recognises in img/ (spec §1.2), lower case. */
export const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".mpo", ".bmp", ".png", ".webp", ".tiff", ".tif", ".nrrd", ".jfif",
  ".gif", ".avif", ".heic", ".heif"]);

export function hasImageExtension(name: string): boolean {
  const i = name.lastIndexOf(".");
  return i >= 0 && IMAGE_EXTENSIONS.has(name.slice(i).toLowerCase());
}
