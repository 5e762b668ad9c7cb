import v8 from "node:v8";
/**
 * V8 settings the CLI runs conversions with (the benchmark too, so that it measures what the CLI does); the library
 * never sets them. A program using the library for big conversions can pass the same flags to node.
 *
 * Allocation-site pretenuring is turned off. When V8 sees most objects from one place in the code survive a young
 * collection, it allocates the later ones in the old generation. Converting is a stream of short-lived items, but
 * an item waiting for the file writer, or a batch waiting for its masks, can make one collection see them alive, and
 * the decision is not taken back: from then on every item's objects go to the old generation, which grows by
 * hundreds of MB between full collections, and young collections take longer too. With pretenuring off, no run
 * falls into it.
 */
export function tuneV8ForConversions() {
    v8.setFlagsFromString("--no-allocation-site-pretenuring");
    v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`);
}
/**
 * How much bytecode V8's optimizing compiler inlines into one function (V8's default: 920). A conversion of a few
 * seconds spends a large share of its CPU compiling (a quarter of the val2017-shape COCO import's), on the
 * compiler's threads, beside the two that convert on a 2-core machine. Inlining less makes each compile cheaper, and
 * the conversions a few percent faster in medians of several runs (single runs vary more than that).
 */
const INLINED_BYTECODE_CUMULATIVE = 300;
//# sourceMappingURL=runtime-tuning.js.map