let loading = null;
export function loadSharp() {
    loading ??= import("sharp").then((m) => {
        const sharp = m.default;
        sharp.concurrency(1);
        sharp.cache(false);
        return sharp;
    });
    return loading;
}
//# sourceMappingURL=sharp-lazy.js.map