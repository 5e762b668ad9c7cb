import { parentPort } from "node:worker_threads";
import { cpuTasks, taskErrorData, type CpuTaskName } from "./cpu-tasks.js";

interface Job { id: number; name: CpuTaskName; args: unknown[] }

/**
 * Makes a result's byte arrays transferable: an array that owns its whole ArrayBuffer is moved; a view into a
 * larger buffer (Node's Buffer pool) is first copied into one of its own, so the rest of that buffer stays here.
 */
function detach(v: unknown, transfer: ArrayBuffer[], depth = 0): unknown {
  if (ArrayBuffer.isView(v)) {
    if (!(v instanceof Uint8Array) || v.buffer instanceof SharedArrayBuffer) return v;
    const own = v.byteOffset === 0 && v.byteLength === v.buffer.byteLength ? v : new Uint8Array(v);
    if (!transfer.includes(own.buffer as ArrayBuffer)) transfer.push(own.buffer as ArrayBuffer);
    return own;
  }
  if (depth > 4 || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = detach(v[i], transfer, depth + 1);
    return v;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return v;
  for (const k of Object.keys(v)) (v as Record<string, unknown>)[k] = detach((v as Record<string, unknown>)[k], transfer, depth + 1);
  return v;
}

parentPort!.on("message", (job: Job) => {
  let result: unknown;
  try {
    const fn = cpuTasks[job.name] as (...a: unknown[]) => unknown;
    result = fn(...job.args);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: taskErrorData(e) });
    return;
  }
  const transfer: ArrayBuffer[] = [];
  parentPort!.postMessage({ id: job.id, result: detach(result, transfer) }, transfer);
});
