export { classFileStem, classFileStems } from "../../src/io/class-file-names.js";
/**
 * The class of a Supervisely instance mask file stem (`car_3`, `car`, `tv_monitor_1`): the stem itself when it is
 * a known class (or a known class's file stem), else the stem without its trailing `_<digits>` when that is known,
 * else that trimmed stem as a new class. Only one trailing number is removed (Supervisely removes every `_<digits>`,
 * which breaks class names such as `lane_2_left`).
 */
export declare function instanceClassOf(stem: string, known: ReadonlyMap<string, string>): string;
/**
 * Lookup for instanceClassOf: every file stem and title → the title. Stems win: the writer names files by stem, so
 * with classes `a/b` (stem `a_b`) and `a_b` (stem `a_b~2`) the file `a_b_1.png` belongs to `a/b`.
 */
export declare function knownClassNames(titles: Iterable<string>): Map<string, string>;
