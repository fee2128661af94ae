/** A URI as client and server may each encode it, in one comparable form (decoded, NFC, lower-case drive). */
export function normalizeUri(uri: string): string {
    let decoded = uri;
    try {
        decoded = decodeURIComponent(uri);
    } catch {
        // keep as is
    }
    return decoded.normalize('NFC').replace(/^file:\/\/\/([a-zA-Z]):/, (_m, drive: string) => `file:///${drive.toLowerCase()}:`);
}
