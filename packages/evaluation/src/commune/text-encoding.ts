// Files analysts have: saved by Notepad as UTF-16, exported from Excel, renamed from .xlsx. Each gets one
// clear message instead of a JSON error (or a message quoting raw bytes). Browser-safe: bytes or text in.

/** A file that is not UTF-8 text, and why; `peek` is its decoded start when it is UTF-16 text. */
export interface EncodingProblem {
    readonly message: string;
    readonly peek?: string;
}

const UTF16_MESSAGE = 'Tệp được lưu dạng UTF-16, máy chỉ đọc UTF-8: hãy lưu lại tệp dạng UTF-8 ' + '(trong Notepad: «Lưu thành…», mục «Mã hóa»: UTF-8).';
const BINARY_MESSAGE = 'Tệp không phải văn bản (có byte nhị phân: có thể là tệp Excel, Word hay ảnh): ' + 'tệp xã phải là văn bản JSON lưu dạng UTF-8.';

const SAMPLE = 4096;
const PEEK = 65_536;

/** The text of a file's bytes, or why it is not UTF-8 text. A UTF-8 byte-order mark is kept (JsonDocument accepts it). */
export function decodeCommuneBytes(bytes: Uint8Array): { text: string } | EncodingProblem {
    const bigEndian = bytes[0] === 0xfe && bytes[1] === 0xff;
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || bigEndian || looksUtf16(bytes)) {
        const littleEndian = !bigEndian && (bytes[0] === 0xff || bytes[1] === 0x00);
        return { message: UTF16_MESSAGE, peek: new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(0, PEEK)) };
    }
    try {
        return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
    } catch {
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        if (looksBinary(text)) return { message: BINARY_MESSAGE };
        const bad = text.indexOf('\uFFFD');
        const line = text.slice(0, Math.max(0, bad)).split('\n').length;
        return {
            message:
                `Tệp có ký tự không phải UTF-8 (dòng ${line}): có thể tệp được lưu bằng bảng mã khác (Windows-1258, TCVN3). ` + 'Hãy lưu lại tệp dạng UTF-8.'
        };
    }
}

/** Text that is not a text file's (NUL characters, many control characters): one message, not hundreds. */
export function textEncodingProblem(text: string): EncodingProblem | undefined {
    if (!text.includes('\u0000') && !looksBinary(text)) return undefined;
    // UTF-16 read as UTF-8 leaves a NUL beside every ASCII character, and the rest is mostly ASCII text.
    const sample = text.slice(0, SAMPLE);
    const rest = sample.replace(/\u0000/g, '');
    const nuls = sample.length - rest.length;
    const printable = rest.replace(/[^\t\n\r\u0020-\u007E]/g, '').length;
    return nuls > sample.length / 4 && printable >= rest.length / 2 ? { message: UTF16_MESSAGE } : { message: BINARY_MESSAGE };
}

/** UTF-16 without a byte-order mark: ASCII characters leave a zero byte in every other place. */
function looksUtf16(bytes: Uint8Array): boolean {
    const length = Math.min(bytes.length, SAMPLE) & ~1;
    if (length < 4) return false;
    let even = 0;
    let odd = 0;
    for (let i = 0; i < length; i += 2) {
        if (bytes[i] === 0) even++;
        if (bytes[i + 1] === 0) odd++;
    }
    const pairs = length / 2;
    return (odd > pairs * 0.3 && even === 0) || (even > pairs * 0.3 && odd === 0);
}

/** The same test as a pack's (parser/ntm-lexer.ts): a NUL, or more than a tenth control characters. */
function looksBinary(text: string): boolean {
    if (text.includes('\u0000')) return true;
    const sample = text.slice(0, SAMPLE);
    const controls = sample.match(/[\u0001-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
    return sample.length > 0 && controls / sample.length > 0.1;
}
