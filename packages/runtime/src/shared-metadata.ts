// What a generated module's results share with the module and with each other.

/**
 * Freezes, once when a module loads, what every result shares: the pack's information, the fact specs, the
 * criteria's, indicators' and conditions' metadata with their citations and rule sources. Results are
 * read-only (their types say so); an app that edits one in place then fails at once, instead of silently
 * changing `PACK` and every later result.
 */
export function freezeShared(values: readonly unknown[]): void {
    const seen = new Set<object>();
    const freeze = (value: unknown): void => {
        // Functions (a rule's score, a pass mark's value) are code, not data: left as they are.
        if (typeof value !== 'object' || value === null || seen.has(value)) return;
        seen.add(value);
        for (const key of Object.keys(value)) freeze((value as Record<string, unknown>)[key]);
        Object.freeze(value);
    };
    for (const value of values) freeze(value);
}
