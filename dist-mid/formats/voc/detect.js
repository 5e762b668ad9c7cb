import path from "node:path";
import { NOT_DETECTED } from "../../src/format.js";
import { ANNOTATIONS_DIR, SEGMENTATION_CLASS_DIR, SEGMENTATION_OBJECT_DIR, findVocRoots, listDir, looksLikeVocXml } from "./layout.js";
/**
 * Cheap: folder names and the head of one XML file. Annotations/ with a VOC XML (or a flat folder of them) is
 * near-certain; SegmentationClass/SegmentationObject without annotations is VOC-shaped masks, likely but shared with
 * generic PNG-mask layouts.
 */
export async function detectVoc(input) {
    const roots = await findVocRoots(input);
    if (!roots.length)
        return NOT_DETECTED;
    const root = roots[0];
    const rel = (p) => path.relative(input, p).split(path.sep).join("/") || ".";
    if (root.flat)
        return { confidence: 0.8, evidence: [`${rel(root.dir)}/*.xml with <annotation> root`] };
    const annDir = path.join(root.dir, ANNOTATIONS_DIR);
    const xml = (await listDir(annDir)).find((d) => d.isFile() && d.name.toLowerCase().endsWith(".xml"));
    if (xml && (await looksLikeVocXml(path.join(annDir, xml.name)))) {
        return { confidence: 0.9, evidence: [rel(path.join(annDir, xml.name)), ...roots.slice(1).map((r) => rel(r.dir))] };
    }
    const masks = [];
    for (const d of [SEGMENTATION_CLASS_DIR, SEGMENTATION_OBJECT_DIR])
        if ((await listDir(path.join(root.dir, d))).length)
            masks.push(rel(path.join(root.dir, d)) + "/");
    return masks.length ? { confidence: 0.6, evidence: masks } : NOT_DETECTED;
}
//# sourceMappingURL=detect.js.map