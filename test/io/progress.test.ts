import { describe, expect, it } from "vitest";
import { barFormat, withKnownTotal, type Progress } from "../../src/io/progress.js";
import { knownItemCount, type Project } from "../../src/model/index.js";

function recorder(): Progress & { starts: unknown[][] } {
  const starts: unknown[][] = [];
  return { starts, start: (...a) => void starts.push(a), increment() {}, stop() {} };
}

describe("progress bars", () => {
  it("show done/total with the unit, the rate and the ETA when the total is known; count and rate otherwise", () => {
    expect(barFormat("reading a.json", 40, "MB")).toBe("reading a.json [{bar}] {value}/{total} MB {percentage}% | {rate} MB/s | ETA {eta_formatted}");
    expect(barFormat("writing COCO", undefined)).toBe("writing COCO {value} items | {rate} items/s");
  });

  it("a writer's first bar without a total gets the reader's item count; later bars and given totals are kept", () => {
    const inner = recorder();
    const p = withKnownTotal(inner, 7);
    p.start("writing YOLO (detect)");
    p.start("second phase");
    p.start("given", 3, "files");
    expect(inner.starts).toEqual([["writing YOLO (detect)", 7, undefined], ["second phase", undefined, undefined], ["given", 3, "files"]]);
    expect(withKnownTotal(inner, undefined)).toBe(inner);
  });

  it("the item count is known when every dataset is an array or says how many items it streams", () => {
    const meta = { classes: [], tagMetas: [] } as unknown as Project["meta"];
    const streamed = (n?: number) => ({ name: "s", items: async function* () {}, itemCount: n, datasets: [] });
    const project = (child: ReturnType<typeof streamed>): Project => ({ meta, datasets: [{ name: "a", items: [{ name: "x" } as never, { name: "y" } as never], datasets: [child] }] });
    expect(knownItemCount(project(streamed(5)))).toBe(7);
    expect(knownItemCount(project(streamed(undefined)))).toBeUndefined();
  });
});
