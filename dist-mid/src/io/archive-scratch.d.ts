/**
 * Scratch folders for archive work: the folder an input archive is extracted into, and the folder an export is
 * staged in before it is streamed into an archive. Callers remove them when done; whatever is still on disk when
 * the process exits or is interrupted is removed then, so a failure or Ctrl-C never leaves an extracted dataset
 * behind in the temp folder.
 */
export interface ScratchDir {
    readonly path: string;
    /** Removes the folder; never throws (a folder that cannot be removed now is retried at exit). */
    remove(): Promise<void>;
}
/**
 * Creates `<parent>/<prefix><pid>-<hex>` (parent defaults to the OS temp folder, which TMPDIR moves), first removing
 * folders of the same prefix whose process is gone.
 */
export declare function createScratchDir(prefix: string, parent?: string): Promise<ScratchDir>;
/**
 * Creates a scratch folder beside `output`, named the way safe-output.ts names its temporary outputs
 * (`.<name>.slyconv-tmp-<pid>-<hex>`), so that recoverInterruptedOutput also removes it after a run that was
 * killed outright (SIGKILL, power loss) and had no chance to clean up.
 */
export declare function createScratchDirBeside(output: string): Promise<ScratchDir>;
