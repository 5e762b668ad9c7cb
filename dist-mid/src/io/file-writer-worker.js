/**
 * The thread behind FileWriterThread (file-writer.ts): creates the files it is sent, one batch at a time, with
 * synchronous calls (no thread-pool round trips, no contention between pool threads on one folder), serializing
 * packed JSON first. Replies with one result per job: null, or the error's code and message.
 */
import { parentPort } from "node:worker_threads";
import { writeFileSync } from "node:fs";
import { JsonWriter } from "./canonical-json.js";
import { pythonJsonBytes } from "./python-json.js";
const json = new JsonWriter();
/** `coords`: this job's coordinates (packed jobs). */
function run(job, coords) {
    try {
        let data;
        if (job.kind === "packed") {
            json.reset();
            json.indentedPacked(job.skeleton, coords);
            data = job.python ? pythonJsonBytes(json.view()) : json.view();
        }
        else
            data = job.data;
        // "wx": exclusive create, as the writers on the main thread do.
        writeFileSync(job.path, data, { flag: "wx" });
        return null;
    }
    catch (e) {
        return { code: e.code, message: e.message };
    }
}
parentPort.on("message", ({ jobs, coords }) => {
    let at = 0;
    parentPort.postMessage(jobs.map((job) => {
        if (job.kind !== "packed")
            return run(job, null);
        const mine = coords.subarray(at, at + job.count);
        at += job.count;
        return run(job, mine);
    }));
});
//# sourceMappingURL=file-writer-worker.js.map