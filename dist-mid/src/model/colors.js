/** Deterministic, well-separated class colours: hues stepped by the golden angle. */
export function distinctColor(index) {
    const hue = (index * 137.508 + 20) % 360;
    const sat = 0.65 + 0.25 * ((index >> 3) % 2);
    const val = 0.95 - 0.2 * ((index >> 4) % 2);
    return rgbToHex(hsvToRgb(hue, sat, val));
}
export function hsvToRgb(h, s, v) {
    const c = v * s;
    const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
    const m = v - c;
    const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
    return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}
export function rgbToHex([r, g, b]) {
    return "#" + [r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("").toUpperCase();
}
const HEX = /^#([A-Fa-f0-9]{6})$/;
export function isHexColor(s) {
    return typeof s === "string" && HEX.test(s);
}
export function hexToRgb(hex) {
    const m = HEX.exec(hex);
    if (!m)
        throw new Error(`not a #RRGGBB colour: ${hex}`);
    const n = parseInt(m[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
//# sourceMappingURL=colors.js.map