import { pathToFileURL } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import type { LoadedPack } from '../../src/workspace/pack-loader.js';
import { loadPackText, loadPackTextWithBases } from '../../src/workspace/pack-loader.js';
import type { NtmServices } from '../../src/ntm-module.js';
import { createNtmCoreServices } from '../../src/ntm-module.js';

let services: NtmServices | undefined;
let documentCounter = 0;

/** One set of compiler services per test worker: creating them builds the lexer, which is slow. */
export function ntmTestServices(): NtmServices {
    services ??= createNtmCoreServices().Ntm;
    return services;
}

/** Parses, links and validates a pack under a fresh in-memory URI, so tests never see each other's documents. */
export async function loadTestPack(text: string, name = 'pack'): Promise<LoadedPack> {
    documentCounter += 1;
    const slug = name.replace(/[^A-Za-z0-9_-]+/g, '-');
    return loadPackText(ntmTestServices(), text, `memory:///test/${documentCounter}-${slug}.ntm`);
}

/** The header every valid pack needs; tests append members to it. */
export const PACK_HEADER = [
    'bộ tiêu chí thử "Bộ thử"',
    '  cấp xã nông thôn mới',
    '  địa bàn "toàn quốc"',
    '  phiên bản "1"',
    '  căn cứ 318/QĐ-TTg ngày 08/03/2022 của "Thủ tướng Chính phủ"',
    '  hiệu lực từ 08/03/2022 đến 31/12/2025',
    ''
].join('\n');

let fileServices: NtmServices | undefined;

/** Loads a pack whose text is given but whose `dựa trên` bases are read from disk, relative to `file`. */
export async function loadTestPackAt(text: string, file: string): Promise<LoadedPack> {
    return loadPackTextWithBases(ntmFileTestServices(), text, pathToFileURL(file).toString());
}

/** Services that read from disk, for packs whose bases are files. */
export function ntmFileTestServices(): NtmServices {
    fileServices ??= createNtmCoreServices(NodeFileSystem).Ntm;
    return fileServices;
}
