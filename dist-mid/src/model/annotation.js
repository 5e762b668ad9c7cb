export function emptyAnnotation(size = { width: null, height: null }) {
    return { size, tags: [], labels: [] };
}
//# sourceMappingURL=annotation.js.map