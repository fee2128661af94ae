import type { EvaluationResult, Verdict } from '@ntm/language';
import type { BatchProblem, CellLocation } from './problems.js';
import { columnLetter, locationText } from './problems.js';
import type { ColumnModel, ModelCell, SheetModel, WorkbookModel } from './workbook-model.js';
import { sheetName } from './workbook-model.js';

/** Who a row of the output is about, and where its data came from. */
export interface CommuneInfo {
    readonly name: string;
    readonly district?: string;
    readonly province?: string;
    /** The input file, and for a spreadsheet the sheet and row. */
    readonly file: string;
    readonly location?: CellLocation;
}

/** Đạt / chưa đạt / … counts of one criterion over the batch. */
export interface CriterionTally {
    readonly label: string;
    readonly title: string;
    readonly counts: Readonly<Record<Verdict, number>>;
}

export interface BatchTally {
    readonly evaluated: number;
    readonly failed: number;
    readonly recognised: number;
    readonly criteria: readonly CriterionTally[];
}

/** Each indicator's four cells in a row — the commune's value, the threshold applied, the verdict, the gap — flat. */
const CELLS_PER_INDICATOR = 4;

interface Record_ {
    readonly info: readonly string[];
    readonly place: string;
    readonly date: string;
    readonly pack: string;
    /** Undefined for a commune that could not be evaluated. */
    readonly recognition?: Verdict;
    readonly summary: string;
    readonly criteria: readonly (Verdict | undefined)[];
    /** `CELLS_PER_INDICATOR` entries per indicator column, empty where the commune's pack has no such indicator. */
    readonly indicators: readonly (string | undefined)[];
}

interface CriterionColumn {
    readonly label: string;
    readonly title: string;
    readonly indicators: number[];
}

interface IndicatorColumn {
    readonly label: string;
    readonly requirement: string;
}

const VERDICTS: readonly Verdict[] = ['đạt', 'chưa đạt', 'thiếu dữ liệu', 'không áp dụng'];

/**
 * The batch's results as the output workbook shows them: a summary (commune × criterion), a sheet per
 * criterion (each indicator's value, threshold, verdict and gap), the problems. Each commune is reduced to
 * its cells when it is added, with repeated texts shared, so ten thousand results are never held at once.
 */
export class BatchTable {
    private readonly records: Record_[] = [];
    private readonly problems: BatchProblem[] = [];
    private readonly criteria: CriterionColumn[] = [];
    private readonly criterionIndex = new Map<string, number>();
    private readonly indicators: IndicatorColumn[] = [];
    private readonly indicatorIndex = new Map<string, number>();
    private readonly packs = new Set<string>();
    private readonly texts = new Map<string, string>();

    /** Shares equal strings between communes: thresholds, verdicts and most values repeat. */
    private intern(text: string): string {
        const known = this.texts.get(text);
        if (known !== undefined) return known;
        this.texts.set(text, text);
        return text;
    }

    addEvaluated(info: CommuneInfo, result: EvaluationResult): void {
        this.packs.add(result.pack.title);
        const criteria: (Verdict | undefined)[] = [];
        for (const criterion of result.criteria) {
            criteria[this.criterionColumn(criterion.label, criterion.title)] = criterion.verdict;
        }
        const indicators: (string | undefined)[] = [];
        for (const indicator of result.indicators) {
            const at = this.indicatorColumn(indicator.criterion, indicator.label, indicator.requirementText ?? indicator.rule) * CELLS_PER_INDICATOR;
            const value = indicator.value?.text ?? indicator.factsUsed.map(f => f.text).join('; ');
            indicators[at] = this.intern(value);
            indicators[at + 1] = this.intern(indicator.threshold ?? '');
            indicators[at + 2] = indicator.verdict;
            indicators[at + 3] = this.intern(indicator.gap?.text ?? '');
        }
        this.records.push({
            info: this.infoCells(info),
            place: this.intern(this.placeOf(info)),
            date: this.intern(result.assessedAt),
            pack: this.intern(result.pack.title),
            recognition: result.summary.recognition,
            summary: this.intern(result.summary.text),
            criteria,
            indicators
        });
    }

    addFailed(info: CommuneInfo, reason: string): void {
        this.records.push({
            info: this.infoCells(info),
            place: this.intern(this.placeOf(info)),
            date: '',
            pack: '',
            summary: reason,
            criteria: [],
            indicators: []
        });
    }

    addProblems(problems: readonly BatchProblem[]): void {
        this.problems.push(...problems);
    }

    get problemList(): readonly BatchProblem[] {
        return this.problems;
    }

    tally(): BatchTally {
        const evaluated = this.records.filter(r => r.recognition !== undefined);
        return {
            evaluated: evaluated.length,
            failed: this.records.length - evaluated.length,
            recognised: evaluated.filter(r => r.recognition === 'đạt').length,
            criteria: this.criteria.map((criterion, i) => {
                const counts = Object.fromEntries(VERDICTS.map(v => [v, 0])) as Record<Verdict, number>;
                for (const record of evaluated) {
                    const verdict = record.criteria[i];
                    if (verdict) counts[verdict]++;
                }
                return { label: criterion.label, title: criterion.title, counts };
            })
        };
    }

    workbook(): WorkbookModel {
        const taken = new Set<string>();
        return { sheets: [this.summarySheet(taken), ...this.criteria.map((c, i) => this.criterionSheet(c, i, taken)), this.problemsSheet(taken)] };
    }

    private infoCells(info: CommuneInfo): string[] {
        return [info.name, info.district ?? '', info.province ?? ''].map(t => this.intern(t));
    }

    private placeOf(info: CommuneInfo): string {
        const where = info.location ? locationText(info.location) : '';
        return where ? `${baseName(info.file)}:${where}` : baseName(info.file);
    }

    private criterionColumn(label: string, title: string): number {
        let index = this.criterionIndex.get(label);
        if (index === undefined) {
            index = this.criteria.length;
            this.criteria.push({ label, title, indicators: [] });
            this.criterionIndex.set(label, index);
        }
        return index;
    }

    private indicatorColumn(criterion: string, label: string, requirement: string): number {
        let index = this.indicatorIndex.get(label);
        if (index === undefined) {
            index = this.indicators.length;
            this.indicators.push({ label, requirement });
            this.indicatorIndex.set(label, index);
            this.criteria[this.criterionColumn(criterion, '')]!.indicators.push(index);
        }
        return index;
    }

    private summarySheet(taken: Set<string>): SheetModel {
        const manyPacks = this.packs.size > 1;
        const columns: ColumnModel[] = [
            { header: 'STT', width: 6 },
            { header: 'Xã', width: 22 },
            { header: 'Huyện', width: 16 },
            { header: 'Tỉnh', width: 14 },
            { header: 'Ngày đánh giá', width: 13 },
            { header: 'Kết quả', width: 16, note: 'Công nhận: đạt khi mọi tiêu chí và mọi điều kiện công nhận đều đạt.' },
            { header: 'Tiêu chí', width: 24 },
            ...(manyPacks ? [{ header: 'Bộ tiêu chí', width: 30 }] : []),
            ...this.criteria.map(c => ({ header: `${c.label}. ${c.title}`, width: 14, note: `Tiêu chí ${c.label}: ${c.title}` })),
            { header: 'Nguồn dữ liệu', width: 22 }
        ];
        const records = this.records;
        const criteria = this.criteria;
        return {
            name: sheetName('Tổng hợp', taken),
            columns,
            rowCount: records.length,
            frozen: { rows: 1, columns: 2 },
            filter: true,
            *rows() {
                let n = 0;
                for (const r of records) {
                    n++;
                    const result: ModelCell = r.recognition ? { value: r.recognition, style: r.recognition } : { value: 'không đánh giá được', style: 'lỗi' };
                    yield [
                        n,
                        ...r.info,
                        r.date,
                        result,
                        r.summary,
                        ...(manyPacks ? [r.pack] : []),
                        ...criteria.map((_, i) => verdictCell(r.criteria[i])),
                        r.place
                    ];
                }
            }
        };
    }

    private criterionSheet(criterion: CriterionColumn, index: number, taken: Set<string>): SheetModel {
        const indicators = criterion.indicators.map(i => ({ i, column: this.indicators[i]! }));
        const columns: ColumnModel[] = [
            { header: 'STT', width: 6 },
            { header: 'Xã', width: 22 },
            { header: 'Huyện', width: 16 },
            { header: `Tiêu chí ${criterion.label}`, width: 14, note: criterion.title },
            ...indicators.flatMap(({ column }) => [
                { header: `${column.label} giá trị`, width: 18, note: column.requirement },
                { header: `${column.label} ngưỡng`, width: 14 },
                { header: `${column.label} kết quả`, width: 14 },
                { header: `${column.label} còn thiếu`, width: 22 }
            ])
        ];
        const records = this.records.filter(r => r.recognition !== undefined);
        return {
            name: sheetName(`TC ${criterion.label} ${criterion.title}`, taken),
            columns,
            rowCount: records.length,
            frozen: { rows: 1, columns: 2 },
            filter: true,
            *rows() {
                let n = 0;
                for (const r of records) {
                    n++;
                    yield [
                        n,
                        r.info[0],
                        r.info[1],
                        verdictCell(r.criteria[index]),
                        ...indicators.flatMap(({ i }) => {
                            const at = i * CELLS_PER_INDICATOR;
                            return [r.indicators[at], r.indicators[at + 1], verdictCell(r.indicators[at + 2] as Verdict | undefined), r.indicators[at + 3]];
                        })
                    ];
                }
            }
        };
    }

    private problemsSheet(taken: Set<string>): SheetModel {
        const problems = this.problems;
        const columns: ColumnModel[] = [
            { header: 'STT', width: 6 },
            { header: 'Tệp', width: 22 },
            { header: 'Trang tính', width: 14 },
            { header: 'Dòng', width: 7 },
            { header: 'Cột', width: 7 },
            { header: 'Tên cột', width: 28 },
            { header: 'Xã', width: 20 },
            { header: 'Mức độ', width: 10 },
            { header: 'Nội dung', width: 90 }
        ];
        return {
            name: sheetName('Lỗi dữ liệu', taken),
            columns,
            rowCount: problems.length,
            frozen: { rows: 1, columns: 0 },
            filter: true,
            *rows() {
                let n = 0;
                for (const p of problems) {
                    n++;
                    const column = p.column === undefined ? undefined : p.sheet === undefined ? p.column : columnLetter(p.column);
                    const severity: ModelCell = p.severity === 'error' ? { value: 'lỗi', style: 'lỗi' } : { value: 'cảnh báo', style: 'cảnh báo' };
                    yield [n, baseName(p.file), p.sheet, p.row, column, p.header, p.commune, severity, p.message];
                }
            }
        };
    }
}

function verdictCell(verdict: Verdict | undefined): ModelCell {
    return verdict ? { value: verdict, style: verdict } : undefined;
}

function baseName(file: string): string {
    return file.split(/[\\/]/).pop() ?? file;
}
