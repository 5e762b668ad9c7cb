import fs from "node:fs";
import path from "node:path";
import { devkitFixture } from "../voc/fixture.js";

/** The VOCdevkit fixture with its JPEGs, class and object masks, split lists, and a CVAT labelmap. */
export async function vocFuzzFixture(): Promise<string> {
  const fixture = await devkitFixture();
  fs.writeFileSync(path.join(fixture, "VOCdevkit/VOC2012/labelmap.txt"),
    "# label:color_rgb:parts:actions\nbackground:0,0,0::\ncat:64,0,0::\ndog:64,0,128::\nperson:192,128,128:head,hand:jumping\nsofa:0,192,0::\n");
  return fixture;
}
