import type { ValidationAcceptor } from 'langium';
import type { LegalSource, Pack } from '../generated/ast.js';
import { KNOWN_LEVELS, isoDate } from '../workspace/levels.js';
import { IssueCodes } from './issue-codes.js';

/** The pack header: every item present once, a known level, a jurisdiction, valid dates. */
export function packHeaderMustBeComplete(pack: Pack, accept: ValidationAcceptor): void {
    if (!pack.name) {
        const parse = pack.$document?.parseResult;
        if (parse && (parse.lexerErrors.length > 0 || parse.parserErrors.length > 0)) {
            return; // the syntax errors already say what is wrong
        }
        const empty = (pack.$document?.textDocument.getText() ?? pack.$cstNode?.text ?? '').trim() === '';
        accept('error', empty ? 'Tệp rỗng: cần bắt đầu bằng «bộ tiêu chí <mã> "<tên>"».' : 'Cần bắt đầu bằng «bộ tiêu chí <mã> "<tên>"».', {
            node: pack,
            code: IssueCodes.EmptyFile
        });
        return;
    }
    // A syntax error on the first line («bộ tiêu chí thử bảng …») stops the parser before the header's lines:
    // their absence says nothing, and five «thiếu …» above the real error would hide it.
    const firstLine = pack.$cstNode?.range.start.line ?? 0;
    const parse = pack.$document?.parseResult;
    if (parse?.parserErrors.some(error => (error.token.startLine ?? 1) - 1 === firstLine)) return;
    const items: Array<[string, unknown[], string]> = [
        ['levels', pack.levels, 'cấp (vd. «cấp xã nông thôn mới nâng cao»)'],
        ['jurisdictions', pack.jurisdictions, 'địa bàn (vd. «địa bàn "tỉnh Hà Nam"» hoặc «địa bàn "toàn quốc"»)'],
        ['versions', pack.versions, 'phiên bản (vd. «phiên bản "2024.1"»)'],
        ['validities', pack.validities, 'hiệu lực (vd. «hiệu lực từ 16/09/2022 đến 31/12/2025»)'],
        ['sources', pack.sources, 'căn cứ pháp lý (vd. «căn cứ 43/2022/QĐ-UBND ngày 16/09/2022 của "UBND tỉnh Hà Nam"»)']
    ];
    for (const [property, values, description] of items) {
        if (values.length === 0) {
            accept('error', `Bộ tiêu chí thiếu ${description}.`, { node: pack, property: 'name', code: IssueCodes.HeaderMissing });
        } else if (values.length > 1 && property !== 'sources') {
            accept('error', `Khai báo ${description.split(' (')[0]} nhiều lần; chỉ được một lần.`, {
                node: pack,
                property: property as 'levels',
                index: 1,
                code: IssueCodes.HeaderRepeated
            });
        }
    }
    pack.levels.forEach((level, index) => {
        if (level !== undefined && !KNOWN_LEVELS.has(level)) {
            accept('error', `Cấp «${level}» không hợp lệ; dùng một trong: ${[...new Set(KNOWN_LEVELS.values())].join('; ')}.`, {
                node: pack,
                property: 'levels',
                index,
                code: IssueCodes.UnknownLevel
            });
        }
    });
    pack.jurisdictions.forEach((jurisdiction, index) => {
        if (jurisdiction !== undefined && !/^(toàn quốc|tỉnh \S.*|thành phố \S.*)$/u.test(jurisdiction.normalize('NFC'))) {
            accept('error', `Địa bàn «${jurisdiction}» không hợp lệ; viết "toàn quốc", "tỉnh <tên>" hoặc "thành phố <tên>".`, {
                node: pack,
                property: 'jurisdictions',
                index,
                code: IssueCodes.BadJurisdiction
            });
        }
    });
    for (const validity of pack.validities) {
        if (validity.from === undefined) continue; // cut short by a syntax error
        const from = isoDate(validity.from);
        const to = validity.to === undefined ? undefined : isoDate(validity.to);
        if (!from) accept('error', `Ngày «${validity.from}» không tồn tại.`, { node: validity, property: 'from', code: IssueCodes.BadDate });
        if (validity.to !== undefined && !to)
            accept('error', `Ngày «${validity.to}» không tồn tại.`, { node: validity, property: 'to', code: IssueCodes.BadDate });
        if (from && to && from > to) {
            accept('error', `Hiệu lực ngược: từ ${validity.from} đến ${validity.to}.`, { node: validity, code: IssueCodes.BadValidity });
        }
    }
}

/** A decision is identified by number and issuer: the same pair twice is a duplicate. */
export function legalSourcesMustBeDistinct(pack: Pack, accept: ValidationAcceptor): void {
    const seen = new Map<string, LegalSource>();
    const issuersByNumber = new Map<string, Set<string>>();
    const sources = pack.sources.filter(source => source.name !== undefined && source.issuer !== undefined);
    for (const source of sources) {
        const key = `${source.name}\u0000${source.issuer.normalize('NFC')}`;
        if (seen.has(key)) {
            accept('error', `Căn cứ ${source.name} của «${source.issuer}» đã khai báo.`, { node: source, property: 'name', code: IssueCodes.DuplicateSource });
        }
        seen.set(key, source);
        const issuers = issuersByNumber.get(source.name) ?? new Set<string>();
        issuersByNumber.set(source.name, issuers.add(source.issuer.normalize('NFC')));
        if (source.date !== undefined && !isoDate(source.date)) {
            accept('error', `Ngày «${source.date}» không tồn tại.`, { node: source, property: 'date', code: IssueCodes.BadDate });
        }
    }
    for (const source of sources) {
        if ((issuersByNumber.get(source.name)?.size ?? 0) > 1 && [...seen.values()].includes(source)) {
            accept('warning', `Số hiệu ${source.name} có ở nhiều cơ quan ban hành; trích dẫn «căn cứ ${source.name}» sẽ không rõ văn bản nào.`, {
                node: source,
                property: 'name',
                code: IssueCodes.AmbiguousCitation
            });
        }
    }
}
