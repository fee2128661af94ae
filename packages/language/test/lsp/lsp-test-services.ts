import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import { parseDocument } from 'langium/test';
import type { NtmLspServices } from '../../src/lsp/index.js';
import { createNtmServices } from '../../src/lsp/index.js';
import { PACK_HEADER } from '../helpers/ntm-test-services.js';

export { PACK_HEADER };

let services: ReturnType<typeof createNtmServices> | undefined;
let counter = 0;

/** One set of language-server services per test worker (building the lexer is slow). */
export function lspServices(): NtmLspServices {
    services ??= createNtmServices(EmptyFileSystem);
    return services.Ntm;
}

/** Parses, links and validates a pack under a fresh in-memory URI (or the one given). */
export async function openPack(text: string, uri?: string): Promise<LangiumDocument> {
    counter += 1;
    return parseDocument(lspServices(), text, { documentUri: uri ?? `file:///test/lsp-${counter}.ntm`, validation: true });
}

/** Removes documents so workspace-wide features (symbols, references) see only a test's own packs. */
export async function closeAll(): Promise<void> {
    const shared = lspServices().shared;
    const uris = shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
    await shared.workspace.DocumentBuilder.update([], uris);
    for (const uri of uris) shared.workspace.LangiumDocuments.deleteDocument(URI.parse(uri.toString()));
}

/** Offset of the `n`-th occurrence of `needle` in `text`, plus `delta`. */
export function offsetOf(text: string, needle: string, delta = 0, occurrence = 1): number {
    let at = -1;
    for (let i = 0; i < occurrence; i++) {
        at = text.indexOf(needle, at + 1);
        if (at < 0) throw new Error(`«${needle}» not found`);
    }
    return at + delta;
}

export function position(document: LangiumDocument, offset: number) {
    return { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) };
}

/** A small pack with the constructs hovers and completion explain. */
export const SAMPLE_PACK = `${PACK_HEADER}  căn cứ 43/2022/QĐ-UBND ngày 16/09/2022 của "UBND tỉnh Hà Nam" "Ban hành Bộ tiêu chí"

dữ kiện tỷ lệ rác thải được thu gom: phần trăm
  "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý theo quy định"
dữ kiện tỷ lệ hỏa táng: phần trăm
dữ kiện số hộ nghèo: đếm hộ
dữ kiện tổng số hộ: đếm hộ
dữ kiện tỷ lệ hộ nghèo = tỷ số số hộ nghèo / tổng số hộ

tiêu chí 17 "Môi trường"
  căn cứ 43/2022/QĐ-UBND "Phụ lục, tiêu chí 17"
  chỉ tiêu 17.3 "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý theo quy định ≥98%"
    tỷ lệ rác thải được thu gom >= 98%
  chỉ tiêu 17.10 "Tỷ lệ sử dụng hình thức hỏa táng năm 2023 ≥18%"
    tỷ lệ hỏa táng >= 18%
    chưa kiểm chứng "Văn bản ghi ngưỡng 18% cho năm 2023"

tiêu chí 11 "Hộ nghèo"
  chỉ tiêu 11.1 "Tỷ lệ hộ nghèo đa chiều dưới 1%"
    tỷ lệ hộ nghèo < 1% (chưa kiểm chứng "theo 318/QĐ-TTg, chưa đối chiếu")
`;
