import { vocFuzzSuite } from "./voc-fixture.js";

// SegmentationClass / SegmentationObject PNGs, JPEG headers and labelmap.txt: an unreadable mask or image header is a
// warning; the item is kept.
vocFuzzSuite("masks, images and the class table", (f) => /\.(png|jpg)$/.test(f) || f.endsWith("labelmap.txt"), 500, 9);
