import { HelperThread } from "../../src/workers/thread.js";
import { PackedPoints } from "./packed.js";
import type { ReadReply, ReadRequest } from "./read-worker.js";
import type { Annotation, ProjectMeta } from "../../src/model/index.js";
/** One file of a batch: its skeleton and lists, or null (read it on this thread). */
export interface PackedFile {
    skeleton: string;
    points: PackedPoints;
}
declare class ReadWorker extends HelperThread<ReadRequest, ReadReply> {
    /** The files packed, in order; null entries (or all, when the thread is gone) are to be read here. */
    read(paths: string[]): Promise<(PackedFile | null)[]>;
}
/** The process's reading thread, or null when there is none to have (also when running from the sources). */
export declare function readWorker(): ReadWorker | null;
/**
 * An annotation from its packed form (packed.ts): the skeleton parsed, the points made from the packed numbers.
 * Whatever does not go that way (a list where no points are read, a problem to report) is done again from the
 * skeleton unpacked, which is what JSON.parse gives for the file, so the result and any error are the usual ones.
 * Null when the skeleton does not parse (the file is then read plainly).
 */
export declare function annotationFromPacked(packed: PackedFile, meta: ProjectMeta | undefined, file: string): Annotation | null;
export {};
