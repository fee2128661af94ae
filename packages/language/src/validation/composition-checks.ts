import type { ValidationAcceptor } from 'langium';
import type { Bound, Pack, Rounding, Table, TableKey, UnknownValue } from '../generated/ast.js';
import { isCriterion, isGroupKey, isRegionKey, isRegionRule, isTable, isTableNumber, isYearKey } from '../generated/ast.js';
import type { EffectivePack } from '../composition/effective-pack.js';
import { unknownRegionMessage } from '@ntm/runtime';
import { MAX_YEAR_SPAN, canonicalRegion, cellKeys, describeCell, dimensionOfKey, keyValues, tableDimensions } from '../composition/dimensions.js';
import type { NtmServices } from '../ntm-module.js';
import { URI } from 'langium';
import { MAX_BASE_DEPTH } from '../workspace/pack-roots.js';
import { unitOf } from '../typing/ntm-types.js';
import { canonicalLevel } from '../workspace/levels.js';
import { shownNumber } from '../util/written-number.js';
import { IssueCodes } from './issue-codes.js';
import { fractionMessage, percentWrittenAsFraction } from './threshold-checks.js';

/** `dựa trên`, changes, amendments and tables: everything that needs the pack composed with its bases. */
export function compositionMustBeConsistent(services: NtmServices) {
    return (pack: Pack, accept: ValidationAcceptor): void => {
        if (!pack.name) return;
        if (pack.bases.length > 1) {
            accept('error', 'Khai báo «dựa trên» nhiều lần; một bộ tiêu chí chỉ dựa trên một bộ.', { node: pack.bases[1]!, code: IssueCodes.BaseRepeated });
        }
        const effective = services.composition.EffectivePacks.of(pack);
        const base = pack.bases[0];
        if (base && effective.chain.cycle) {
            accept('error', `Vòng lặp «dựa trên»: ${effective.chain.cycle.join(' → ')}.`, { node: base, property: 'path', code: IssueCodes.BaseCycle });
        } else if (base && effective.chain.missing) {
            accept('error', missingBaseMessage(base.path ?? '', effective.chain, services), { node: base, property: 'path', code: IssueCodes.BaseMissing });
        }
        const nearest = effective.chain.bases[0];
        // A pack or base without «cấp» gets its own error; there is no level to compare.
        const [level, baseLevel] = [pack.levels[0], nearest?.levels[0]];
        if (base && nearest && level !== undefined && baseLevel !== undefined && canonicalLevel(baseLevel) !== canonicalLevel(level)) {
            accept('warning', `Bộ gốc «${nearest.name ?? '?'}» là cấp «${baseLevel}», khác cấp của bộ này («${level}»).`, {
                node: base,
                property: 'path',
                code: IssueCodes.BaseLevelDiffers
            });
        }
        for (const problem of effective.problems) {
            accept(problem.severity, problem.message, { node: problem.node, property: problem.property as never, code: problem.code });
        }
        for (const table of pack.members.filter(isTable)) {
            checkTable(table, effective, services, accept);
        }
        const criteria = pack.members.filter(isCriterion);
        // Counted once: a scan of all members per criterion grew with the square of the pack.
        const labelCount = new Map<unknown, number>();
        for (const criterion of criteria) labelCount.set(criterion.label, (labelCount.get(criterion.label) ?? 0) + 1);
        const effectiveOf = new Map(effective.criteria.map(c => [c.criterion, c] as const).reverse());
        for (const criterion of criteria) {
            const effectiveCriterion = effectiveOf.get(criterion);
            const duplicated = (labelCount.get(criterion.label) ?? 0) > 1;
            if (criterion.label !== undefined && !duplicated && effectiveCriterion && effectiveCriterion.indicators.length === 0) {
                accept('warning', `Tiêu chí ${criterion.label} chưa có chỉ tiêu nào: kết quả của tiêu chí sẽ là «thiếu dữ liệu».`, {
                    node: criterion,
                    property: 'label',
                    code: IssueCodes.EmptyCriterion
                });
            }
        }
        for (const rule of pack.members.filter(isRegionRule)) {
            if (rule.region !== undefined && !canonicalRegion(rule.region)) {
                accept('error', unknownRegionMessage(rule.region), { node: rule, property: 'region', code: IssueCodes.UnknownRegion });
            }
        }
    };
}

/**
 * Why a base in the chain is not there: refused by the roots or not a pack file (the loader's reason), a chain
 * longer than the loader follows, or not found — naming the file that is missing, not this pack's own base.
 */
function missingBaseMessage(path: string, chain: EffectivePack['chain'], services: NtmServices): string {
    const missing = URI.parse(chain.missing ?? '');
    const deepest = chain.bases[chain.bases.length - 1];
    if (chain.bases.length >= MAX_BASE_DEPTH) {
        return `Chuỗi «dựa trên» dài quá ${MAX_BASE_DEPTH} bộ tiêu chí (dừng ở «${deepest?.name ?? '?'}»): kiểm tra lại các bộ gốc.`;
    }
    const reason = services.composition.PackRoots.refusalOf(missing);
    const through = deepest ? `Bộ gốc «${deepest.name ?? '?'}» dựa trên «${missing.path}»: ` : '';
    if (reason) return `${through}${reason}`;
    return deepest ? `${through}không tìm thấy tệp này.` : `Không tìm thấy bộ tiêu chí gốc «${path}» (${chain.missing}).`;
}

/** The years a table must cover: those of the pack's validity, or as far as the table goes when open-ended. */
export function tableYears(table: Table, effective: Pick<EffectivePack, 'validFrom' | 'validTo'>): number[] {
    const rowYears = table.rows.flatMap(row => row.keys.filter(k => dimensionOfKey(k) === 'năm').flatMap(keyValues)).map(Number);
    const from = effective.validFrom ? Number(effective.validFrom.slice(0, 4)) : Math.min(...rowYears);
    const to = effective.validTo ? Number(effective.validTo.slice(0, 4)) : Math.max(from, ...rowYears);
    // An open-ended pack whose table runs centuries ahead is not checked cell by cell (nor made to list them all).
    if (!Number.isFinite(from) || !Number.isFinite(to) || to < from || to - from > MAX_YEAR_SPAN) return [];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The word a row starts with when it stands on the line of the row before, right after that row's number: a unit. */
function unitAfterNumber(row: Table['rows'][number], before: Table['rows'][number] | undefined): string | undefined {
    const key = row.keys[0];
    const start = key?.$cstNode?.range.start;
    const end = before?.$cstNode?.range.end;
    if (!key || !start || !end || !before || !isTableNumber(before.value) || start.line !== end.line) return undefined;
    return key.$cstNode!.text;
}

function checkTable(table: Table, effective: EffectivePack, services: NtmServices, accept: ValidationAcceptor): void {
    if (table.name === undefined || table.dimensions.length === 0) return; // cut short by a syntax error
    const dimensions = tableDimensions(table);
    const repeated = dimensions.find((d, i) => dimensions.indexOf(d) !== i);
    if (repeated) {
        accept('error', `Chiều «${repeated}» lặp lại trong bảng «${table.name}».`, { node: table, property: 'dimensions', code: IssueCodes.TableKey });
        return;
    }
    const years = tableYears(table, effective);
    const cells = new Map<string, number>();
    let rest = false;
    /** The line of a unit written in a cell: the rest of the unit's words there are not rows either. */
    let unitLine: number | undefined;
    const valueUnit = table.type ? unitOf(services.typing.TypeComputer.typeOfDeclared(table.type)) : '';
    for (const [index, row] of table.rows.entries()) {
        const line = (row.$cstNode?.range.start.line ?? 0) + 1;
        if (isTableNumber(row.value) && row.value.value !== undefined && row.value.unit !== undefined && row.value.unit !== valueUnit) {
            accept(
                'error',
                `Giá trị ${shownNumber(row.value, 'value')} ${row.value.unit} khác đơn vị của bảng (${valueUnit || 'không đơn vị'}); trong bảng chỉ ghi số, đơn vị lấy theo kiểu của bảng.`,
                { node: row.value, property: 'unit', code: IssueCodes.TableValueUnit }
            );
        }
        if (
            valueUnit === '%' &&
            isTableNumber(row.value) &&
            row.value.value !== undefined &&
            percentWrittenAsFraction(row.value.unit, Number(row.value.value))
        ) {
            const written = shownNumber(row.value, 'value') ?? '';
            accept('warning', fractionMessage(`Ô ${written.replace('.', ',')} của bảng phần trăm «${table.name}»`, written, Number(row.value.value)), {
                node: row.value,
                property: 'value',
                code: IssueCodes.PercentAsFraction
            });
        }
        if (row.rest) {
            if (rest) accept('error', '«còn lại» chỉ được một lần trong một bảng.', { node: row, code: IssueCodes.TableDuplicateCell });
            rest = true;
            continue;
        }
        let rowOk = true;
        const perDimension = new Map<string, string[]>();
        // `ĐNB: 72 triệu đồng` reads «triệu» and «đồng» as keys of next rows: a unit written in a cell, said once
        // as such (not «no region triệu», «no region đồng»).
        const unit = unitAfterNumber(row, table.rows[index - 1]);
        if (unit !== undefined) {
            accept('error', `«${unit}» viết sau số của ô trước: trong bảng chỉ ghi số, đơn vị lấy theo kiểu của bảng (${valueUnit || 'không đơn vị'}).`, {
                node: row.keys[0]!,
                code: IssueCodes.TableValueUnit
            });
            unitLine = row.keys[0]!.$cstNode!.range.start.line;
            continue;
        }
        if (row.keys[0]?.$cstNode?.range.start.line === unitLine) continue;
        for (const key of row.keys) {
            if (isCutShort(key)) {
                // the syntax error says what is missing
                rowOk = false;
                continue;
            }
            const dimension = dimensionOfKey(key);
            if (!dimensions.includes(dimension)) {
                accept('error', `Bảng «${table.name}» không theo ${dimension}; các chiều của bảng: ${dimensions.join(', ')}.`, {
                    node: key,
                    code: IssueCodes.TableKey
                });
                rowOk = false;
                continue;
            }
            const values = keyValues(key);
            if (values.length === 0) {
                const text = key.$cstNode?.text ?? '';
                accept(
                    'error',
                    dimension === 'vùng'
                        ? unknownRegionMessage(text)
                        : dimension === 'nhóm'
                          ? `Nhóm xã «${text}» không có; chỉ có nhóm 1, 2, 3 (51/2025/QĐ-TTg).`
                          : `Khoảng năm «${text}» không hợp lệ.`,
                    { node: key, code: dimension === 'vùng' ? IssueCodes.UnknownRegion : IssueCodes.TableKey }
                );
                rowOk = false;
                continue;
            }
            if (dimension === 'nhóm' && !['1', '2', '3'].includes(values[0]!)) {
                accept('error', `Nhóm xã «${shownNumber(key, 'group')}» không có; chỉ có nhóm 1, 2, 3 (51/2025/QĐ-TTg).`, {
                    node: key,
                    code: IssueCodes.TableKey
                });
                rowOk = false;
                continue;
            }
            if (dimension === 'năm' && years.length > 0) {
                const outside = values.filter(y => !years.includes(Number(y)));
                if (outside.length > 0) {
                    accept(
                        'warning',
                        `Năm ${outside.join(', ')} nằm ngoài thời gian hiệu lực của bộ tiêu chí (${years[0]}–${years[years.length - 1]}); ô này không bao giờ được dùng.`,
                        { node: key, code: IssueCodes.TableKey }
                    );
                }
            }
            // `ĐBSH, ĐNB: 100%`: several keys of one dimension give the row to each of them.
            perDimension.set(dimension, [...(perDimension.get(dimension) ?? []), ...values]);
        }
        if (!rowOk) continue;
        const missingDimension = dimensions.find(d => !perDimension.has(d));
        if (missingDimension) {
            accept('error', `Dòng thiếu khóa ${missingDimension} (bảng theo ${dimensions.join(', ')}); dùng «còn lại» cho các ô chung.`, {
                node: row,
                code: IssueCodes.TableKey
            });
            continue;
        }
        let keys: string[][] = [[]];
        for (const dimension of dimensions) keys = keys.flatMap(prefix => (perDimension.get(dimension) ?? []).map(v => [...prefix, v]));
        for (const parts of keys) {
            const key = parts.join('|');
            const earlier = cells.get(key);
            if (earlier !== undefined) {
                accept('error', `Ô ${describeCell(dimensions, key)} đã có giá trị ở dòng ${earlier}.`, { node: row, code: IssueCodes.TableDuplicateCell });
            } else {
                cells.set(key, line);
            }
        }
    }
    if (rest) return;
    const missing = cellKeys(dimensions, years).filter(key => !cells.has(key));
    if (missing.length > 0) {
        const shown = missing
            .slice(0, 6)
            .map(key => describeCell(dimensions, key))
            .join('; ');
        accept(
            'error',
            `Bảng «${table.name}» thiếu ${missing.length} ô mà một lần đánh giá có thể cần: ${shown}${missing.length > 6 ? '; …' : ''}. Ghi giá trị, «chưa biết», «không áp dụng», hoặc thêm dòng «còn lại: …».`,
            { node: table, property: 'name', code: IssueCodes.TableMissingCell }
        );
    }
}

/** A table key a syntax error left without its value (`nhóm` without a number). */
function isCutShort(key: TableKey): boolean {
    return isGroupKey(key) ? key.group === undefined : isYearKey(key) ? key.from === undefined : isRegionKey(key) && key.region === undefined;
}

/** Bounds of an unknown threshold must agree with each other: `(> 50%, <= 40%)` admits no value. */
export function unknownBoundsMustBeConsistent(value: UnknownValue, accept: ValidationAcceptor): void {
    let low: { v: number; strict: boolean } | undefined;
    let high: { v: number; strict: boolean } | undefined;
    const units = new Set(value.bounds.map(b => b.unit ?? ''));
    if (units.size > 1) {
        const shown = [...units].map(u => (u === '' ? 'không ghi đơn vị' : `«${u}»`)).join(', ');
        accept('error', `Các cận của giá trị chưa biết phải ghi cùng một đơn vị; ở đây: ${shown}.`, {
            node: value,
            code: IssueCodes.UnknownBounds
        });
    }
    for (const bound of value.bounds) {
        if (bound.operator === undefined || bound.value === undefined) continue; // cut short by a syntax error
        const v = Number(bound.value);
        switch (bound.operator) {
            case '>':
            case '>=':
            case '≥':
                if (!low || v > low.v) low = { v, strict: bound.operator === '>' };
                break;
            case '<':
            case '<=':
            case '≤':
                if (!high || v < high.v) high = { v, strict: bound.operator === '<' };
                break;
            default:
                accept('error', `Cận «${bound.operator} ${shownNumber(bound, 'value')}» không dùng được; chỉ dùng >, >=, <, <=.`, {
                    node: bound as Bound,
                    property: 'operator',
                    code: IssueCodes.UnknownBounds
                });
        }
    }
    if (low && high && (low.v > high.v || (low.v === high.v && (low.strict || high.strict)))) {
        accept('error', 'Các cận mâu thuẫn: không có giá trị nào thỏa cả hai.', { node: value, code: IssueCodes.UnknownBounds });
    }
    if (value.bounds.length > 0 && value.basis === undefined) {
        accept('warning', 'Cận của ngưỡng chưa biết nên ghi «suy từ "…"»: kết luận hay văn bản nào cho biết cận này.', {
            node: value,
            code: IssueCodes.UnknownBounds
        });
    }
}

export function roundingMustBeSensible(rounding: Rounding, accept: ValidationAcceptor): void {
    if (rounding.digits === undefined) return; // cut short by a syntax error
    const digits = Number(rounding.digits);
    if (!Number.isInteger(digits) || digits < 0 || digits > 6) {
        accept('error', `Số chữ số thập phân khi làm tròn phải là số nguyên từ 0 đến 6 (đang ghi ${shownNumber(rounding, 'digits')}).`, {
            node: rounding,
            property: 'digits',
            code: IssueCodes.RoundingDigits
        });
    }
}
