export async function* iterateItems(source) {
    if (Array.isArray(source))
        yield* source;
    else
        yield* source();
}
/** Depth-first walk over datasets with their slash-joined full names (`parent/child`, spec §1.3). */
export function* walkDatasets(datasets, parents = []) {
    for (const dataset of datasets) {
        const path = [...parents, dataset.name];
        yield { dataset, path };
        yield* walkDatasets(dataset.datasets, path);
    }
}
/** Items of the whole project when every dataset knows its count (an array, or `itemCount`), else undefined. */
export function knownItemCount(project) {
    let n = 0;
    for (const { dataset } of walkDatasets(project.datasets)) {
        const c = Array.isArray(dataset.items) ? dataset.items.length : dataset.itemCount;
        if (c === undefined)
            return undefined;
        n += c;
    }
    return n;
}
/** Reads every streamed dataset into arrays (for tests and small projects). */
export async function materializeProject(project) {
    const materialize = async (ds) => {
        const items = [];
        for await (const item of iterateItems(ds.items))
            items.push(item);
        return { name: ds.name, items, datasets: await Promise.all(ds.datasets.map(materialize)) };
    };
    return { ...project, datasets: await Promise.all(project.datasets.map(materialize)) };
}
//# sourceMappingURL=project.js.map