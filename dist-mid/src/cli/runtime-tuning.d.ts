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
export declare function tuneV8ForConversions(): void;
