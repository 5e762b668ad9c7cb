import { distinctColor, ensureClass } from "../../src/model/index.js";
import { cornersToOrientedBox, orientedBoxToCorners } from "./obb.js";
import { fmt6 } from "./lines.js";
/** Class titles by YOLO index, with the meta they live in and what has been seen so far. */
export class ClassTable {
    meta;
    titles = [];
    /** Title of the box class bound to each pose class. */
    boxTitles = [];
    seenShapes = new Map();
    constructor(meta, names, initialShape, keypoints, ctx, file) {
        this.meta = meta;
        const taken = new Map();
        names.forEach((name, i) => {
            if (taken.has(name)) {
                ctx.report.warn("yolo-names-duplicate", `classes ${taken.get(name)} and ${i} are both named ${JSON.stringify(name)}; their objects share one class`, { file });
            }
            else
                taken.set(name, i);
            this.titles[i] = name;
            const init = keypoints ? { geometryConfig: graphTemplate(keypoints.shape.count, keypoints.names[i]) } : {};
            ensureClass(meta, name, keypoints ? "graph" : initialShape, init);
        });
        if (keypoints) {
            const all = new Set(names);
            names.forEach((name, i) => {
                // Supervisely's own converters name the box class of a keypoint class this way.
                let boxTitle = name.includes(" ") ? `${name} bbox` : `${name}_bbox`;
                while (all.has(boxTitle) && !this.boxTitles.includes(boxTitle))
                    boxTitle += "_";
                all.add(boxTitle);
                this.boxTitles[i] = boxTitle;
                const cls = ensureClass(meta, boxTitle, "rectangle", { color: meta.classes.find((c) => c.title === name)?.color });
                cls.shape = "rectangle";
            });
        }
    }
    /** Records a label's geometry for its class: one kind seen → that shape, several → `any`. */
    observe(title, shape) {
        let s = this.seenShapes.get(title);
        if (!s)
            this.seenShapes.set(title, (s = new Set()));
        if (s.has(shape))
            return;
        s.add(shape);
        const cls = this.meta.classes.find((c) => c.title === title);
        cls.shape = s.size === 1 ? shape : "any";
    }
}
/** A K-node template keyed by keypoint index, laid out on a circle (template positions are for display only). */
export function graphTemplate(count, names) {
    const nodes = {};
    for (let k = 0; k < count; k++) {
        const a = (2 * Math.PI * k) / count - Math.PI / 2;
        nodes[String(k)] = { label: names?.[k] ?? String(k), loc: [Math.round(150 + 100 * Math.cos(a)), Math.round(150 + 100 * Math.sin(a))], color: distinctColor(k) };
    }
    return { nodes, edges: [] };
}
/**
 * Normalised × size leaves float noise (0.015 × 600 = 9.000000000000002); pixels are rounded to 1e-9, far below
 * anything the six-decimal source can express, so that whole-pixel values read as whole numbers.
 */
export function px(v) {
    return Math.round(v * 1e9) / 1e9;
}
export function recordsToLabels(records, width, height, classes, kp, state, file, ctx) {
    const labels = [];
    const W = width, H = height;
    for (const r of records) {
        const title = classes.titles[r.cls];
        switch (r.kind) {
            case "box":
                labels.push({ classTitle: title, tags: [], geometry: { type: "rectangle", left: px((r.xc - r.w / 2) * W), top: px((r.yc - r.h / 2) * H), right: px((r.xc + r.w / 2) * W), bottom: px((r.yc + r.h / 2) * H) } });
                classes.observe(title, "rectangle");
                break;
            case "polygon": {
                const exterior = [];
                for (let k = 0; k < r.coords.length; k += 2)
                    exterior.push([px(r.coords[k] * W), px(r.coords[k + 1] * H)]);
                labels.push({ classTitle: title, tags: [], geometry: { type: "polygon", exterior, interior: [] } });
                classes.observe(title, "polygon");
                break;
            }
            case "obb": {
                const corners = [];
                for (let k = 0; k < 8; k += 2)
                    corners.push([px(r.coords[k] * W), px(r.coords[k + 1] * H)]);
                const fit = cornersToOrientedBox(corners, W, H);
                if (fit) {
                    const label = { classTitle: title, tags: [], geometry: fit.box };
                    if (!state.obbOrder)
                        state.onObbOrder(fit.order);
                    const otherOrder = fit.order !== state.obbOrder;
                    if (otherOrder) {
                        ctx.report.warn("yolo-obb-order-mixed", `corners listed ${fit.order === "cw" ? "clockwise" : "counter-clockwise"} while earlier boxes were ${state.obbOrder === "cw" ? "clockwise" : "counter-clockwise"}; kept as read on this label, but written ${state.obbOrder} once the box is edited`, { file, line: r.line });
                    }
                    // Keep the corners as read when the box would not give them back: listed the other way round, or rounding
                    // noise that would not print back to the same six decimals.
                    const back = orientedBoxToCorners(fit.box, state.obbOrder);
                    if (otherOrder || back.some(([x, y], k) => fmt6(x / W) !== fmt6(r.coords[2 * k]) || fmt6(y / H) !== fmt6(r.coords[2 * k + 1]))) {
                        label.extra = { yoloCorners: corners };
                    }
                    labels.push(label);
                    classes.observe(title, "oriented_bbox");
                }
                else {
                    ctx.report.warn("yolo-obb-not-rectangle", "the four corners do not form a rectangle; kept as a 4-point polygon", { file, line: r.line });
                    labels.push({ classTitle: title, tags: [], geometry: { type: "polygon", exterior: corners, interior: [] } });
                    classes.observe(title, "polygon");
                }
                break;
            }
            case "pose": {
                const { count, dims } = kp.shape;
                const nodes = {};
                let n = 0;
                for (let k = 0; k < count; k++) {
                    const x = r.keypoints[k * dims], y = r.keypoints[k * dims + 1];
                    const v = dims === 3 ? r.keypoints[k * dims + 2] : x === 0 && y === 0 ? 0 : 2;
                    if (dims === 3 && v !== 0 && v !== 1 && v !== 2) {
                        ctx.report.warn("yolo-visibility", `keypoint ${k} has visibility ${v}; read as ${v <= 0 ? "absent (0)" : v < 1.5 ? "occluded (1)" : "visible (2)"}`, { file, line: r.line });
                    }
                    if (v <= 0) {
                        if (x !== 0 || y !== 0)
                            ctx.report.info("yolo-invisible-keypoint", `keypoint ${k} has visibility 0 and coordinates; it is read as absent`, { file, line: r.line });
                        continue;
                    }
                    nodes[String(k)] = v < 1.5 ? { loc: [px(x * W), px(y * H)], disabled: true } : { loc: [px(x * W), px(y * H)] };
                    n++;
                }
                const box = { type: "rectangle", left: px((r.xc - r.w / 2) * W), top: px((r.yc - r.h / 2) * H), right: px((r.xc + r.w / 2) * W), bottom: px((r.yc + r.h / 2) * H) };
                const boxTitle = classes.boxTitles[r.cls];
                if (n === 0) {
                    // A graph needs nodes: a line with no labelled keypoint keeps only its box.
                    labels.push({ classTitle: boxTitle, tags: [], geometry: box });
                    break;
                }
                const instance = `yolo-line-${r.line}`;
                labels.push({ classTitle: title, tags: [], geometry: { type: "graph", nodes }, extra: { instance } });
                labels.push({ classTitle: boxTitle, tags: [], geometry: box, extra: { instance } });
                break;
            }
        }
    }
    return labels;
}
//# sourceMappingURL=to-model.js.map