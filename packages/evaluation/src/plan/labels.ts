/**
 * Criterion and indicator labels in reading order: «3.1» before «5» before «10», «17.2» before «17.10»,
 * «5.b2» before «5.b10». Labels are text, compared part by part between the dots, numbers as numbers.
 */
export function compareLabels(a: string, b: string): number {
    const left = a.split('.');
    const right = b.split('.');
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
        const order = left[i]!.localeCompare(right[i]!, 'vi', { numeric: true });
        if (order !== 0) return order;
    }
    return left.length - right.length;
}

/** A copy of the labels in reading order. */
export function sortLabels(labels: readonly string[]): string[] {
    return [...labels].sort(compareLabels);
}
