import { loadSharp } from "../../src/io/sharp-lazy.js";
/** Opacity of the class colours over the image in masks_human/. */
export const OVERLAY_ALPHA = 128;
/**
 * masks_human/ picture: the image on the left, the image with class colours blended at 50 % on the right (as
 * Supervisely's Export as masks draws it). Returns a reason instead when the image cannot be used.
 */
export async function renderOverlay(image, width, height, classIndex, palette) {
    if (image.kind === "link")
        return { skipped: "the image is a remote link" };
    const input = image.kind === "file" ? image.path : image.data;
    const sharp = await loadSharp();
    let base;
    try {
        const { data, info } = await sharp(input).toColourspace("srgb").removeAlpha().raw().toBuffer({ resolveWithObject: true });
        if (info.width !== width || info.height !== height)
            return { skipped: `the image is ${info.width}×${info.height}, the annotation ${width}×${height}` };
        if (info.channels !== 3)
            return { skipped: `the image has ${info.channels} channels after conversion to RGB` };
        base = data;
    }
    catch (e) {
        return { skipped: `the image cannot be decoded (${e.message})` };
    }
    const layer = Buffer.alloc(width * height * 4);
    for (let i = 0; i < classIndex.length; i++) {
        const k = classIndex[i];
        if (!k)
            continue;
        const [r, g, b] = palette[k];
        layer[i * 4] = r;
        layer[i * 4 + 1] = g;
        layer[i * 4 + 2] = b;
        layer[i * 4 + 3] = OVERLAY_ALPHA;
    }
    const raw = (channels) => ({ raw: { width, height, channels } });
    const blendedOut = await sharp(base, raw(3)).composite([{ input: layer, ...raw(4) }]).raw().toBuffer({ resolveWithObject: true });
    const ch = blendedOut.info.channels;
    // Side by side: row y of the picture is row y of the image, then row y of the blend (alpha, if any, dropped).
    const out = Buffer.alloc(width * 2 * height * 3);
    for (let y = 0; y < height; y++) {
        base.copy(out, y * width * 6, y * width * 3, (y + 1) * width * 3);
        for (let x = 0; x < width; x++) {
            const src = (y * width + x) * ch, dst = (y * width * 2 + width + x) * 3;
            out[dst] = blendedOut.data[src];
            out[dst + 1] = blendedOut.data[src + 1];
            out[dst + 2] = blendedOut.data[src + 2];
        }
    }
    return sharp(out, { raw: { width: width * 2, height, channels: 3 } }).png().toBuffer();
}
//# sourceMappingURL=overlay.js.map