import { type Location } from "../errors.js";
/** An error thrown in a worker, as posted back to the caller's thread. */
export interface TaskErrorData {
    /** Constructor name, e.g. "BitmapDataError". */
    kind: string;
    name: string;
    message: string;
    code?: string;
    location?: Location;
    exitCode?: number;
}
export declare function taskErrorData(e: unknown): TaskErrorData;
/** The error a worker threw, rebuilt as the project's own class; null when it was none of them. */
export declare function reviveTaskError(d: TaskErrorData): Error | null;
