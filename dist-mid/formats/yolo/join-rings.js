/** The ring without a closing vertex equal to its first. */
function open(ring) {
    const n = ring.length;
    return n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1] ? ring.slice(0, -1) : ring.slice();
}
/** Indices (in a, in b) of the closest pair of vertices. */
function closestPair(a, b) {
    let best = Infinity, ia = 0, ib = 0;
    for (let i = 0; i < a.length; i++) {
        const [ax, ay] = a[i];
        for (let j = 0; j < b.length; j++) {
            const dx = b[j][0] - ax, dy = b[j][1] - ay;
            const d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                ia = i;
                ib = j;
            }
        }
    }
    return [ia, ib];
}
/** Vertices of `ring` from index `from` forward to index `to`, both included (a full turn when they are equal and `full`). */
function walk(ring, from, to, full) {
    const n = ring.length;
    const out = [ring[from]];
    let k = from;
    if (from === to && !full)
        return out;
    do {
        k = (k + 1) % n;
        out.push(ring[k]);
    } while (k !== to);
    return out;
}
/**
 * One ring through every part, in the order given. Part i is entered at its vertex closest to part i − 1 and left,
 * towards part i + 1, at its vertex closest to that one; the walk goes down the chain of parts and comes back up,
 * so each cut is crossed twice.
 */
export function joinRings(rings) {
    const parts = rings.map(open).filter((r) => r.length > 0);
    if (parts.length <= 1)
        return parts[0] ?? [];
    const n = parts.length;
    // entry[i]: vertex of part i where the cut from part i − 1 arrives; exit[i]: vertex of part i where the cut to part i + 1 leaves.
    const entry = new Array(n).fill(0), exit = new Array(n).fill(0);
    for (let i = 1; i < n; i++)
        [exit[i - 1], entry[i]] = closestPair(parts[i - 1], parts[i]);
    entry[0] = exit[0];
    const down = [], up = [];
    for (let i = 0; i < n - 1; i++) {
        // From the entry to the exit going forward; the rest of the part (exit back round to the entry) on the way up.
        down.push(...walk(parts[i], entry[i], exit[i], false));
        const back = walk(parts[i], exit[i], entry[i], true);
        up.push(i === 0 ? back.slice(0, -1) : back); // the first part closes by itself
    }
    down.push(...walk(parts[n - 1], entry[n - 1], entry[n - 1], true));
    for (let i = up.length - 1; i >= 0; i--)
        down.push(...up[i]);
    return down;
}
//# sourceMappingURL=join-rings.js.map