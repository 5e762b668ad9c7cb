/** Small deterministic PRNG (mulberry32), so that every benchmark run generates and measures the same bytes. */
export declare function seededRandom(seed: number): () => number;
