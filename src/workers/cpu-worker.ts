import { parentPort } from "node:worker_threads";
import { cpuTasks, type CpuTaskName } from "./cpu-tasks.js";

interface Job { id: number; name: CpuTaskName; args: unknown[] }

parentPort!.on("message", (job: Job) => {
  try {
    const fn = cpuTasks[job.name] as (...a: unknown[]) => unknown;
    parentPort!.postMessage({ id: job.id, result: fn(...job.args) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error).message, errorName: (e as Error).name });
  }
});
