import { VOC_OBJECT_FLAGS } from "./xml-model.js";
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** True when every segment of a field path can be an element name (no spaces, no colon, not starting `xml`). */
export function isElementPath(name) {
    return name.split("/").every((s) => XML_NAME.test(s) && !/^xml/i.test(s));
}
/** Object elements of the VOC devkit (VOC2007–2012: the flags, VOC2012's action labels and their reference point). */
export function isVocObjectElement(name) {
    return VOC_OBJECT_FLAGS.includes(name) || /^(actions|point)\/[^/]+$/.test(name) && isElementPath(name);
}
/** What an object has when no tag says otherwise: the devkit writes all three on every object. */
export const VOC_FLAG_DEFAULTS = [
    { name: "pose", value: "Unspecified" },
    { name: "truncated", value: "0" },
    { name: "difficult", value: "0" },
];
/** `<source>` for images that came from elsewhere (CVAT writes the same). */
const DEFAULT_SOURCE = { database: "Unknown" };
const XML_SPECIAL = /[&<>]/;
export function escapeXml(s) {
    return XML_SPECIAL.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : s;
}
const num = (n) => String(n);
/** Indentation by depth (the deepest element is an attribute's name, at 4). */
const TABS = Array.from({ length: 16 }, (_, d) => "\t".repeat(d));
const tabs = (depth) => TABS[depth] ?? "\t".repeat(depth);
/** The file's text, a line at a time (one string grown as it goes: files are a few KB). */
class XmlText {
    text = "";
    leaf(depth, name, text) {
        this.text += `${tabs(depth)}<${name}>${escapeXml(text)}</${name}>\n`;
    }
    open(depth, name) {
        this.text += `${tabs(depth)}<${name}>\n`;
    }
    close(depth, name) {
        this.text += `${tabs(depth)}</${name}>\n`;
    }
    /** A kept value: text, a nested element (object) or repeated elements (array). */
    value(depth, name, v) {
        if (!XML_NAME.test(name))
            return; // kept meta edited by hand: never write a broken element
        if (Array.isArray(v))
            for (const x of v)
                this.value(depth, name, x);
        else if (typeof v === "object" && v !== null) {
            this.open(depth, name);
            for (const [k, x] of Object.entries(v))
                this.value(depth + 1, k, x);
            this.close(depth, name);
        }
        else if (v !== undefined && v !== null)
            this.leaf(depth, name, String(v));
    }
    box(depth, b) {
        const t = tabs(depth + 1);
        this.text += `${tabs(depth)}<bndbox>\n${t}<xmin>${num(b.xmin)}</xmin>\n${t}<ymin>${num(b.ymin)}</ymin>\n${t}<xmax>${num(b.xmax)}</xmax>\n${t}<ymax>${num(b.ymax)}</ymax>\n${tabs(depth)}</bndbox>\n`;
    }
    toString() {
        return this.text;
    }
}
/** Groups path-named fields into nested elements, each group where its first field was. */
function fieldTree(fields) {
    const root = new Map();
    for (const f of fields) {
        const segments = f.name.split("/");
        let node = root;
        for (let i = 0; i < segments.length - 1; i++) {
            const list = node.get(segments[i]) ?? [];
            let child = list.find((x) => typeof x !== "string");
            if (!child) {
                child = new Map();
                list.push(child);
                node.set(segments[i], list);
            }
            node = child;
        }
        const last = segments[segments.length - 1];
        node.set(last, [...(node.get(last) ?? []), f.value]);
    }
    return root;
}
function writeTree(x, depth, tree) {
    for (const [name, values] of tree) {
        for (const v of values) {
            if (typeof v === "string")
                x.leaf(depth, name, v);
            else {
                x.open(depth, name);
                writeTree(x, depth + 1, v);
                x.close(depth, name);
            }
        }
    }
}
/** Header keys this writer produces itself; kept values under these names are not written twice. */
const WRITTEN_HERE = new Set(["filename", "size", "segmented", "depth", "object", "source"]);
const FLAG_ORDER = new Map(VOC_OBJECT_FLAGS.map((f, i) => [f, i]));
/**
 * The text writeVocXml wrote with another image file name in <filename> (merge gives an item the single run's id), or
 * undefined when the text has no such <filename> line.
 */
export function renameXmlImage(xml, from, to) {
    const line = `\n\t<filename>${escapeXml(from)}</filename>\n`;
    const at = xml.indexOf(line);
    return at < 0 ? undefined : `${xml.slice(0, at)}\n\t<filename>${escapeXml(to)}</filename>\n${xml.slice(at + line.length)}`;
}
export function writeVocXml(a) {
    const x = new XmlText();
    x.open(0, "annotation");
    const { folder, source, ...rest } = a.header;
    x.value(1, "folder", folder ?? "VOC");
    x.leaf(1, "filename", a.filename);
    x.value(1, "source", source ?? DEFAULT_SOURCE);
    for (const [k, v] of Object.entries(rest))
        if (!WRITTEN_HERE.has(k))
            x.value(1, k, v);
    if (a.size) {
        x.open(1, "size");
        x.leaf(2, "width", num(a.size.width));
        x.leaf(2, "height", num(a.size.height));
        x.leaf(2, "depth", a.size.depth);
        x.close(1, "size");
    }
    x.leaf(1, "segmented", a.segmented);
    for (const o of a.objects) {
        x.open(1, "object");
        x.leaf(2, "name", o.name);
        const given = o.fields.filter((f) => FLAG_ORDER.has(f.name));
        const flags = [...given, ...VOC_FLAG_DEFAULTS.filter((d) => !given.some((f) => f.name === d.name))]
            .sort((p, q) => FLAG_ORDER.get(p.name) - FLAG_ORDER.get(q.name));
        for (const f of flags)
            x.leaf(2, f.name, f.value);
        x.box(2, o.box);
        writeTree(x, 2, fieldTree(o.fields.filter((f) => !FLAG_ORDER.has(f.name))));
        for (const p of o.parts) {
            x.open(2, "part");
            x.leaf(3, "name", p.name);
            x.box(3, p.box);
            x.close(2, "part");
        }
        if (o.attributes.length) {
            x.open(2, "attributes");
            for (const at of o.attributes) {
                x.open(3, "attribute");
                x.leaf(4, "name", at.name);
                x.leaf(4, "value", at.value);
                x.close(3, "attribute");
            }
            x.close(2, "attributes");
        }
        x.close(1, "object");
    }
    x.close(0, "annotation");
    return x.toString();
}
//# sourceMappingURL=xml-write.js.map