export interface ReadRequest {
    paths: string[];
}
/** The answer to one request (requests are answered in order). */
export interface ReadReply {
    /** Per file: where its skeleton starts and ends in `skeletons` (-1: read it on the main thread), 1 if it is UTF-8. */
    skeletonStarts: Int32Array;
    skeletonEnds: Int32Array;
    utf8: Uint8Array;
    /** The skeletons of the batch, one after another. */
    skeletons: Uint8Array;
    /** Per file: its first list and number of lists. */
    firsts: Int32Array;
    lists: Int32Array;
    coords: Float64Array;
    starts: Int32Array;
    counts: Int32Array;
}
