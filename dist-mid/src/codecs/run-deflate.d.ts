/**
 * zlib streams (RFC 1950/1951) of index images made of runs, such as VOC's masks, written without reading the
 * background: the caller says, row by row, which columns anything was drawn on (deflateRanges), and everything
 * outside is taken as zeros. Each run is one literal and back-references at distance 1, coded with Huffman codes
 * built for the image (one dynamic block); the Adler-32 checksum is computed run by run. zlib's run-length strategy
 * finds the same matches by reading every byte: for a 640×480 mask that is mostly background, this is several times
 * less work for the same size. Any inflater reads the result (test/codecs/run-deflate.test.ts checks it with zlib's).
 */
/**
 * Huffman code lengths for `freq` (0 for unused symbols), none longer than maxBits. A single used symbol gets
 * length 1 with an unused partner of length 1, so that the code is complete (inflaters refuse incomplete ones).
 */
export declare function huffmanLengths(freq: ArrayLike<number>, maxBits: number, lengths?: Uint8Array<ArrayBuffer>): Uint8Array;
/** `data` as a zlib stream (every byte read). */
export declare function deflateRuns(data: Uint8Array): Uint8Array;
/**
 * `rows` rows of `stride` bytes of `data` as a zlib stream, where row y holds zeros but in columns
 * colFrom[y]..colTo[y] (inclusive; none when colFrom[y] > colTo[y]) counted from byte `offset` of the row: only
 * those bytes are read. (A PNG's scanlines: offset 1 skips the filter byte, which is 0.)
 */
export declare function deflateRanges(data: Uint8Array, stride: number, offset: number, rows: number, colFrom: Int32Array, colTo: Int32Array): Uint8Array;
