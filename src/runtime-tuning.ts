import v8 from "node:v8";

/**
 * V8 settings the CLI runs conversions with (the benchmark too, so that it measures what the CLI does); a program
 * using the library for big conversions can call this once at its start, or pass the same flag to node.
 *
 * Allocation-site pretenuring is turned off. When V8 sees most objects from one place in the code survive a young
 * collection, it allocates the later ones in the old generation. Converting is a stream of short-lived items, but
 * an item waiting for the file writer, or a batch waiting for its masks, can make one collection see them alive, and
 * the decision is not taken back: from then on every item's objects go to the old generation, which grows by
 * hundreds of MB between full collections. Measured on the train2017-shape COCO import, some runs fell into it and
 * some did not (43.6 s against 38.3 s, 5.5 s of young collections against 3.8 s); with pretenuring off, none do.
 */
export function tuneV8ForConversions(): void {
  v8.setFlagsFromString("--no-allocation-site-pretenuring");
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`);
}

/**
 * How much bytecode V8's optimizing compiler inlines into one function (V8's default: 920). A conversion of a few
 * seconds spends a large share of its CPU compiling: the val2017-shape COCO import, about 0.9 s of its 3.9 s, on
 * the compiler's threads, beside the two that convert on a 2-core machine. Inlining less makes each compile
 * cheaper. Measured on that import, medians of six runs: 2.38 s by default, 2.24 s at 300, 2.27 s at 150 (five more
 * runs through this function: 2.36 s against 2.28 s, 4.0 against 3.8 s of CPU); the train2017 shape took 36.1 s
 * against 38.3 s. Runs vary by ±0.2 s on this machine, so the gain is the medians', not any one run's.
 */
const INLINED_BYTECODE_CUMULATIVE = 300;
