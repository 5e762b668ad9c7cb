/** A task to run: the built module that exports it (a file: URL), the export's name and the arguments. */
export interface CpuJob {
    module: string;
    exportName: string;
    args: unknown[];
}
