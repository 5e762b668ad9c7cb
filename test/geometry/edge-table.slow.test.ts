/**
 * edge-table.test.ts's 200,000-vertex polygon over the whole 640×480 image (thousands of crossings on each of its
 * rows): the row-by-row reference takes seconds here, hence the slow suite.
 */
import { describe, it } from "vitest";
import { expectSameAsReference, jagged } from "./fill-reference.js";

describe("polygon fills through the edge table, whole image", () => {
  it("a 200,000-vertex polygon with a 50,000-vertex hole over the image: the same pixels as the row-by-row fill", () => {
    expectSameAsReference(640, 480, jagged(200_000, 320, 240, 150, 80, 7), jagged(50_000, 330, 235, 40, 30, 11));
  }, 120_000);
});
