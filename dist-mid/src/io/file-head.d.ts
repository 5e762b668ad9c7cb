/** The first bytes of a file as UTF-8 text, for cheap format checks (detect reads a few KB, never whole files). */
export declare function readFileHead(file: string, bytes?: number): Promise<string>;
