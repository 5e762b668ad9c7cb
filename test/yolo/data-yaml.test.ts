/**
 * data.yaml's usual entries are written without the YAML library (simpleYamlText, formats/yolo/write.ts): the same
 * bytes as the library gives, and anything outside that narrow form is left to the library.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import YAML from "yaml";
import { simpleYamlText, splitEntries, yamlText } from "../../formats/yolo/write.js";

const library = (entries: [string, unknown][]) => {
  const doc = new YAML.Document({});
  doc.contents = doc.createNode(new Map(entries)) as never;
  return doc.toString({ lineWidth: 0, nullStr: "" });
};

/** COCO's class names, and names that need quotes or look like other YAML values. */
const NAMES = [
  "person", "traffic light", "fire hydrant", "stop sign", "hair drier", "_background_", "a-b", "a -b", "x.y/z", "class_90", "e5", "Yes",
  "no", "ON", "null", "Null", "~", "true", "FALSE", "1e3", "0x1F", "12", "-a", "a: b", "x #y", "#c", " lead", "trail ", "two  spaces",
  "tab\there", "new\nline", "quote\"s", "it's", "ümlaut", "日本", "", "[x]", "{y}", "a,b", "*star", "&amp", "!bang", "%p", "@at", "`tick", "|", ">",
  "?q", ".inf", ".NaN", "NaN", "Infinity", "inf", "y", "N", "2024-01-01", "1_000", "+1", "0o17", "a\\b",
];

describe("data.yaml without the YAML library", () => {
  it("writes data.yaml's entries as the library does, or leaves them to it", async () => {
    let simple = 0;
    const check = async (entries: [string, unknown][]) => {
      const text = simpleYamlText(entries);
      if (text !== null) {
        simple++;
        expect(text).toBe(library(entries));
      }
      expect(await yamlText(entries)).toBe(library(entries));
    };
    for (const name of NAMES) {
      await check([["names", new Map([[0, name], [1, "person"]])]]);
      await check([["val", name]]);
      await check([["train", [`images/${name}`, "images/b"]]]);
    }
    await check([...splitEntries(["train2017", "val2017", "test-dev"]), ["nc", 3], ["names", new Map([[0, "a"], [1, "b c"], [2, "d"]])]]);
    await check([...splitEntries(["val2017"]), ["nc", 0], ["names", new Map()]]);
    await check([...splitEntries(["a", "b", "train"]), ["nc", 1]]);
    await fc.assert(fc.asyncProperty(
      fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 12 }), fc.stringMatching(/^[a-z_][a-z0-9 _./-]{0,10}$/)), { minLength: 1, maxLength: 6 }),
      async (names) => check([...splitEntries(["train", "val"]), ["nc", names.length], ["names", new Map(names.map((n, i) => [i, n]))]]),
    ));
    expect(simple).toBeGreaterThan(50);
  });
});
