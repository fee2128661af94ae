// A generated module imports '@ntm/runtime' by name; loaded from a `data:` or `blob:` URL it cannot resolve a
// package name, so its import is pointed at a URL of the runtime: the package's file in Node, the runtime
// bundled beside a page in a browser.

const RUNTIME_IMPORT = "from '@ntm/runtime';";

/**
 * The module with its imports of @ntm/runtime pointed at `url`. Only the module's head is rewritten: it
 * ends at the first blank line and holds nothing but the generator's comment and import lines, so no
 * text of the pack is ever touched.
 */
export function linkRuntime(javascript: string, url: string): string {
    const end = javascript.indexOf('\n\n');
    const head = end < 0 ? javascript : javascript.slice(0, end);
    return head.replaceAll(RUNTIME_IMPORT, `from ${JSON.stringify(url)};`) + javascript.slice(head.length);
}
