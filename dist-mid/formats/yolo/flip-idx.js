/**
 * `flip_idx` from keypoint names: when an image is flipped left-right, Ultralytics swaps keypoint i with
 * keypoint flip_idx[i]. Its COCO config pairs `left_eye` with `right_eye` and so on (coco-pose.yaml:
 * [0, 2, 1, 4, 3, …]); the same pairing is derived here from names that hold the word left or right (`left_eye`,
 * `right-ear`, `Left Knee`, `wrist_left`, `leftHand`), every other keypoint mapping to itself.
 */
/** The name with its left/right word swapped, or null when it has none. */
function mirrored(name) {
    // Words: separated by _ - . space, or starting at a lower → upper case change (leftHand).
    const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|[_\-.\s]+/);
    const seps = name.match(/(?<=[a-z0-9])(?=[A-Z])|[_\-.\s]+/g) ?? [];
    let found = false;
    const swapped = words.map((w) => {
        const lw = w.toLowerCase();
        if (lw !== "left" && lw !== "right")
            return w;
        found = true;
        const other = lw === "left" ? "right" : "left";
        // Keep the word's case style: left → right, Left → Right, LEFT → RIGHT.
        if (w === w.toUpperCase())
            return other.toUpperCase();
        if (w[0] === w[0].toUpperCase())
            return other[0].toUpperCase() + other.slice(1);
        return other;
    });
    if (!found)
        return null;
    let out = swapped[0];
    for (let i = 1; i < swapped.length; i++)
        out += (seps[i - 1] ?? "") + swapped[i];
    return out;
}
/**
 * The flip map of keypoints named `names`, or null when no two of them pair up as left/right (Ultralytics then turns
 * left-right flipping off for the dataset rather than guessing).
 */
export function flipIdxFromNames(names) {
    const index = new Map();
    names.forEach((n, i) => index.set(n.toLowerCase(), i));
    let paired = false;
    const flip = names.map((n, i) => {
        const m = mirrored(n);
        const j = m === null ? undefined : index.get(m.toLowerCase());
        if (j === undefined || j === i)
            return i;
        paired = true;
        return j;
    });
    // A pairing must be symmetric (i ↔ j); names that do not pair up both ways keep their place.
    const ok = flip.map((j, i) => (flip[j] === i ? j : i));
    return paired && ok.some((j, i) => j !== i) ? ok : null;
}
//# sourceMappingURL=flip-idx.js.map