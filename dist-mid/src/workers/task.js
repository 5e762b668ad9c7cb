export function cpuTask(module, exportName, fn) {
    return { module, exportName, fn };
}
//# sourceMappingURL=task.js.map