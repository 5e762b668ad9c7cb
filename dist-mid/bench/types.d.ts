/**
 * A benchmark case: `prepare` generates its input under dataDir (once; skip when already there), `run` does the job
 * being measured. The runner (bench/run.ts) runs each `run` in a child process of its own so that wall time and
 * peak RSS belong to that job alone.
 *
 * Two kinds:
 *  - a **floor** (`kind: "floor"`, with an `id` such as "coco-val2017"): the naive Node job on one input shape (for
 *    COCO: JSON.parse the file, group the annotations by image, write one JSON file per image), defined next to the
 *    data it reads. The conversions of that input are measured against it.
 *  - a **conversion** (the default) naming its floor (`floor: "coco-val2017"`) and its goal as a ratio to it: the
 *    bench runs the floor in the same run (also when a filter selected the conversion alone) and prints the ratio
 *    beside the goal, with a met/missed mark.
 */
export interface BenchCase {
    /** e.g. "coco→yolo val2017-shape": what a filter (`npm run bench -- "coco→yolo val"`) matches. */
    name: string;
    kind?: "floor" | "conversion";
    /** A floor's id, named by the conversions measured against it. */
    id?: string;
    /** The id of the floor this conversion is measured against. */
    floor?: string;
    /** The goal: wall time at most `ratio` × the floor's in the same run, and peak RSS at most `rssMB`. */
    goal?: {
        ratio?: number;
        rssMB?: number;
    };
    /** Any other target, printed as is (e.g. "≥ 3,000 images/s on 2 cores"). */
    target?: string;
    prepare(dataDir: string): Promise<void>;
    /** `parts`: jobs the case ran in processes of their own (shards side by side), each printed as a row under it. */
    run(dataDir: string, outDir: string): Promise<{
        items: number;
        parts?: JobPart[];
    }>;
}
/** A job a case ran in a process of its own: its wall time, CPU time and peak RSS. */
export interface JobPart {
    name: string;
    items?: number;
    seconds: number;
    cpuSeconds: number;
    maxRssMB: number;
}
