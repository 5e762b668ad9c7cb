/**
 * A function that may run in the CPU worker pool, declared by the module that owns it (a format's renderer, a
 * codec): where a worker finds it (the module's URL and the export's name, loaded by the worker on first use) and
 * the function itself, which runs inline when there is no pool or too little work. The function must be a pure
 * function of structured-clone data (typed arrays, plain objects, strings) and give the same result either way.
 */
export interface CpuTask<Args extends unknown[], Result> {
    /** `import.meta.url` of the module that exports the function (a .ts URL under vitest: the pool runs dist/'s .js). */
    readonly module: string;
    readonly exportName: string;
    readonly fn: (...args: Args) => Result;
}
export declare function cpuTask<Args extends unknown[], Result>(module: string, exportName: string, fn: (...args: Args) => Result): CpuTask<Args, Result>;
