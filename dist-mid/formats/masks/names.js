/** File names derived from class titles, shared by the masks writer and reader so that they agree. */
import { classFileStems } from "../../src/io/class-file-names.js";
export { classFileStem, classFileStems } from "../../src/io/class-file-names.js";
/**
 * The class of a Supervisely instance mask file stem (`car_3`, `car`, `tv_monitor_1`): the stem itself when it is
 * a known class (or a known class's file stem), else the stem without its trailing `_<digits>` when that is known,
 * else that trimmed stem as a new class. Only one trailing number is removed (Supervisely removes every `_<digits>`,
 * which breaks class names such as `lane_2_left`).
 */
export function instanceClassOf(stem, known) {
    const direct = known.get(stem);
    if (direct !== undefined)
        return direct;
    const m = /^(.+)_(\d+)$/.exec(stem);
    if (m) {
        const base = known.get(m[1]);
        if (base !== undefined)
            return base;
        return m[1];
    }
    return stem;
}
/**
 * Lookup for instanceClassOf: every file stem and title → the title. Stems win: the writer names files by stem, so
 * with classes `a/b` (stem `a_b`) and `a_b` (stem `a_b~2`) the file `a_b_1.png` belongs to `a/b`.
 */
export function knownClassNames(titles) {
    const out = new Map();
    const stems = classFileStems(titles);
    for (const t of stems.keys())
        out.set(t, t);
    for (const [t, stem] of stems)
        out.set(stem, t);
    return out;
}
//# sourceMappingURL=names.js.map