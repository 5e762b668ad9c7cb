import { UsageError, optionName } from "../../src/errors.js";
import { SKIP_OBJECT_OPTIONS } from "../../src/skip-objects.js";
export const masksImportOptions = [
    {
        flags: "--class-map <file>",
        description: "masks: class list (.txt, line i = index i), CVAT labelmap.txt, or JSON {class: index | [r,g,b] | \"#RRGGBB\"}",
    },
    { flags: "--split-instances", description: "masks: split each class of a semantic mask into connected components" },
    { flags: "--connectivity <n>", description: "masks: pixel connectivity for --split-instances", choices: ["4", "8"] },
    { flags: "--ignore-value <n>", description: "masks: index mask value that is neither background nor a class (default 255; 'none')" },
];
export const masksExportOptions = [
    {
        flags: "--class-map <file>",
        description: "masks: class list (.txt, line i = index i), CVAT labelmap.txt, or JSON {class: index | [r,g,b] | \"#RRGGBB\"}",
    },
    { flags: "--overlay", description: "masks: also write masks_human/ (image and 50% colour overlay side by side)" },
    {
        flags: "--images <mode>",
        description: "how images get into the output: hardlink (falls back to copy), copy, symlink or none",
        choices: ["hardlink", "copy", "symlink", "none"],
    },
    ...SKIP_OBJECT_OPTIONS,
];
export function parseMasksImportOptions(o) {
    const connectivity = o.connectivity === undefined ? 8 : Number(o.connectivity);
    if (connectivity !== 4 && connectivity !== 8)
        throw new UsageError(`${optionName("connectivity")} must be 4 or 8, not ${JSON.stringify(o.connectivity)}`);
    let ignoreValue = 255;
    if (o.ignoreValue !== undefined) {
        if (o.ignoreValue === "none" || o.ignoreValue === null)
            ignoreValue = null;
        else {
            ignoreValue = Number(o.ignoreValue);
            if (!Number.isInteger(ignoreValue) || ignoreValue < 0 || ignoreValue > 65535) {
                throw new UsageError(`${optionName("ignoreValue")} must be an integer 0..65535 or 'none', not ${JSON.stringify(o.ignoreValue)}`);
            }
        }
    }
    return {
        classMap: typeof o.classMap === "string" ? o.classMap : undefined,
        splitInstances: Boolean(o.splitInstances),
        connectivity,
        ignoreValue,
    };
}
export function parseMasksExportOptions(o) {
    const images = (o.images ?? "copy");
    if (!["hardlink", "copy", "symlink", "none"].includes(images))
        throw new UsageError(`${optionName("images")} must be hardlink, copy, symlink or none`);
    return { classMap: typeof o.classMap === "string" ? o.classMap : undefined, overlay: Boolean(o.overlay), images };
}
export const masksTagsWritten = { image: () => "masks hold no tags", object: () => "masks hold no tags" };
//# sourceMappingURL=options.js.map