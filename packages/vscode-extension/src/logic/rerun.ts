/**
 * Which sample communes to run again after a file is saved. A pack change re-runs every sample,
 * because packs build on packs and amendments live in other files; a sample change re-runs that sample.
 */
export function samplesToRerun(savedUri: string, sampleUris: readonly string[]): string[] {
    const lower = savedUri.toLowerCase();
    if (lower.endsWith('.ntm')) return [...sampleUris];
    if (lower.endsWith('.json')) return sampleUris.filter(uri => uri === savedUri);
    return [];
}
