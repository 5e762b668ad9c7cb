/** decodeBitmapData has the fast path for palette and gray PNGs built in; this name stays for its callers. */
export { decodeBitmapData as decodeBitmapDataFast } from "./bitmap.js";
