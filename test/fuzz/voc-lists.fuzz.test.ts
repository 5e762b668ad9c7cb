import { vocFuzzSuite } from "./voc-fixture.js";

// The ImageSets split lists (Main and Segmentation): a list naming images that are not there, or garbage, is a
// finding; the items on disk are still read.
vocFuzzSuite("split lists", (f) => f.includes("/ImageSets/") && f.endsWith(".txt"), 200, 10);
