export function packPoints(points) {
    const out = new Float64Array(points.length * 2);
    for (let i = 0; i < points.length; i++) {
        out[2 * i] = points[i][0];
        out[2 * i + 1] = points[i][1];
    }
    return out;
}
export function unpackPoints(flat) {
    const out = new Array(flat.length >> 1);
    for (let i = 0; i < out.length; i++)
        out[i] = [flat[2 * i], flat[2 * i + 1]];
    return out;
}
export const packRing = (r) => ({ exterior: packPoints(r.exterior), interior: r.interior.map(packPoints) });
export const unpackRing = (r) => ({ exterior: unpackPoints(r.exterior), interior: r.interior.map(unpackPoints) });
export function packGeometry(g) {
    switch (g.type) {
        case "polygon": return { type: "polygon", ring: packRing(g) };
        case "multipolygon": return { type: "multipolygon", parts: g.parts.map(packRing) };
        case "line": return { type: "line", points: packPoints(g.points) };
        case "cuboid": return { type: "cuboid", points: packPoints(g.points), faces: g.faces };
        default: return { type: "plain", geometry: g };
    }
}
export function unpackGeometry(p) {
    switch (p.type) {
        case "polygon": return { type: "polygon", ...unpackRing(p.ring) };
        case "multipolygon": return { type: "multipolygon", parts: p.parts.map(unpackRing) };
        case "line": return { type: "line", points: unpackPoints(p.points) };
        case "cuboid": return { type: "cuboid", points: unpackPoints(p.points), faces: p.faces };
        default: return p.geometry;
    }
}
/** The ArrayBuffers of a packed geometry, for a postMessage transfer list (the packed copy is not used again). */
export function packedBuffers(p, into = []) {
    const ring = (r) => {
        into.push(r.exterior.buffer);
        for (const h of r.interior)
            into.push(h.buffer);
    };
    if (p.type === "polygon")
        ring(p.ring);
    else if (p.type === "multipolygon")
        p.parts.forEach(ring);
    else if (p.type === "line" || p.type === "cuboid")
        into.push(p.points.buffer);
    return into;
}
export function packPalette(palette) {
    const out = new Uint8Array(palette.length * 3);
    palette.forEach(([r, g, b], i) => out.set([r, g, b], i * 3));
    return out;
}
export function unpackPalette(p) {
    const out = [];
    for (let i = 0; i + 2 < p.length; i += 3)
        out.push([p[i], p[i + 1], p[i + 2]]);
    return out;
}
//# sourceMappingURL=packed.js.map