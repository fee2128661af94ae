// The batch's results reduced, commune by commune, to the cells the output shows (batch-sheets.ts lays them out).
import type { EvaluationResult, Verdict } from '@ntm/language';
import type { BatchProblem, CellLocation } from './problems.js';
import { locationText } from './problems.js';
import type { WorkbookModel } from './workbook-model.js';
import type { CriterionColumn, IndicatorColumn, TableRecord } from './batch-sheets.js';
import { CELLS_PER_INDICATOR, baseName, criteriaInOrder, tableWorkbook } from './batch-sheets.js';
import { clauseTexts } from '../report/indicator-row.js';

/** Who a row of the output is about, and where its data came from. */
export interface CommuneInfo {
    readonly name: string;
    readonly district?: string;
    readonly province?: string;
    /** The input file, and for a spreadsheet the sheet and row. */
    readonly file: string;
    readonly location?: CellLocation;
    /** The assessment date the row gives (ISO), shown even when the commune could not be evaluated. */
    readonly assessedAt?: string;
}

/** Đạt / chưa đạt / … counts of one criterion over the batch. */
export interface CriterionTally {
    readonly label: string;
    readonly title: string;
    readonly counts: Readonly<Record<Verdict, number>>;
}

/** Đạt / chưa đạt / … counts of one recognition condition over the batch. */
export interface GateTally {
    readonly text: string;
    readonly counts: Readonly<Record<Verdict, number>>;
}

export interface BatchTally {
    readonly evaluated: number;
    readonly failed: number;
    /** Problems that did not stop a commune (listed on «Lỗi dữ liệu» beside the errors). */
    readonly warnings: number;
    readonly recognised: number;
    readonly criteria: readonly CriterionTally[];
    readonly gates: readonly GateTally[];
}

/** Where one pack's criteria and indicators go among the table's columns (see `layoutOf`). */
interface PackLayout {
    readonly criteria: readonly number[];
    readonly indicators: readonly number[];
    readonly gates: readonly number[];
    readonly criterionLabels: readonly string[];
    readonly indicatorLabels: readonly string[];
    readonly gateTexts: readonly string[];
}

function sameLabels(labels: readonly string[], items: readonly { readonly label: string }[]): boolean {
    return labels.length === items.length && items.every((item, i) => item.label === labels[i]);
}

function sameTexts(texts: readonly string[], items: readonly { readonly text: string }[]): boolean {
    return texts.length === items.length && items.every((item, i) => item.text === texts[i]);
}

/** The gate cells of a commune whose pack has no recognition conditions (most packs): one list for all. */
const NO_CELLS: readonly (string | undefined)[] = Object.freeze([]);

const VERDICTS: readonly Verdict[] = ['đạt', 'chưa đạt', 'thiếu dữ liệu', 'không áp dụng'];

/**
 * The batch's results as the output workbook shows them (see batch-sheets.ts). Each commune is reduced to its
 * cells when it is added — verdicts per criterion, four cells per indicator and per recognition condition — with
 * repeated texts shared, so ten thousand results are never held at once.
 */
export class BatchTable {
    private readonly records: TableRecord[] = [];
    private readonly problems: BatchProblem[] = [];
    private readonly criteria: CriterionColumn[] = [];
    private readonly criterionIndex = new Map<string, number>();
    private readonly indicators: IndicatorColumn[] = [];
    private readonly indicatorIndex = new Map<string, number>();
    /** Recognition conditions by their text: packs that word one alike share its columns. */
    private readonly gateColumns: string[] = [];
    private readonly gateIndex = new Map<string, number>();
    private readonly packs = new Set<string>();
    private readonly texts = new Map<string, string>();
    private readonly layouts = new Map<string, PackLayout>();

    /** Shares equal strings between communes: thresholds, verdicts and most values repeat. */
    private intern(text: string): string {
        const known = this.texts.get(text);
        if (known !== undefined) return known;
        this.texts.set(text, text);
        return text;
    }

    addEvaluated(info: CommuneInfo, result: EvaluationResult): void {
        this.packs.add(result.pack.title);
        const layout = this.layoutOf(result);
        const criteria: (Verdict | undefined)[] = [];
        result.criteria.forEach((criterion, i) => {
            criteria[layout.criteria[i]!] = criterion.verdict;
        });
        const indicators: (string | undefined)[] = [];
        // A threshold is most often the text the commune before had at the same place, else one of a few: shared.
        // Values and gaps differ from commune to commune: a table of them would only grow (and hash each text).
        const before = this.records.at(-1)?.indicators;
        const indicatorList = result.indicators;
        for (let i = 0; i < indicatorList.length; i++) {
            const indicator = indicatorList[i]!;
            const at = layout.indicators[i]! * CELLS_PER_INDICATOR;
            // The commune's own values, clause by clause, as `ntm eval` shows them: never a denominator or a table's threshold.
            const clauses = clauseTexts(indicator.clauses);
            const threshold = clauses?.requirements ?? indicator.threshold ?? '';
            indicators[at] = flat(clauses?.values ?? indicator.value?.text ?? '');
            indicators[at + 1] = before?.[at + 1] === threshold ? before[at + 1] : this.intern(threshold);
            indicators[at + 2] = indicator.verdict;
            // What a commune lacks repeats from commune to commune: shared, never held ten thousand times.
            indicators[at + 3] = indicator.gap ? flat(indicator.gap.text) : this.intern(missingCell(indicator));
        }
        this.records.push({
            info: this.infoCells(info),
            place: this.intern(this.placeOf(info)),
            date: this.intern(result.assessedAt),
            pack: this.intern(result.pack.title),
            recognition: result.summary.recognition,
            summary: this.intern(result.summary.text),
            criteria,
            indicators,
            gates: result.gates.length === 0 ? NO_CELLS : this.gateCells(result, layout)
        });
    }

    /** A commune's recognition conditions: the figure compared, its threshold, the verdict, the gap. */
    private gateCells(result: EvaluationResult, layout: PackLayout): (string | undefined)[] {
        const cells: (string | undefined)[] = [];
        result.gates.forEach((gate, i) => {
            const at = layout.gates[i]! * CELLS_PER_INDICATOR;
            // A yes/no condition has no figure: the facts it read stand for it, and «có» would only repeat the verdict.
            cells[at] = gate.value ? flat(gate.value.text) : factTexts(gate);
            cells[at + 1] = gate.value ? this.intern(gate.threshold ?? '') : '';
            cells[at + 2] = gate.verdict;
            cells[at + 3] = gate.gap ? flat(gate.gap.text) : '';
        });
        return cells;
    }

    addFailed(info: CommuneInfo, reason: string): void {
        this.records.push({
            info: this.infoCells(info),
            place: this.intern(this.placeOf(info)),
            date: info.assessedAt ?? '',
            pack: '',
            summary: reason,
            criteria: [],
            indicators: [],
            gates: NO_CELLS
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
            warnings: this.problems.filter(p => p.severity === 'warning').length,
            recognised: evaluated.filter(r => r.recognition === 'đạt').length,
            criteria: criteriaInOrder(this.criteria).map(i => {
                const criterion = this.criteria[i]!;
                const counts = Object.fromEntries(VERDICTS.map(v => [v, 0])) as Record<Verdict, number>;
                for (const record of evaluated) {
                    const verdict = record.criteria[i];
                    if (verdict) counts[verdict]++;
                }
                return { label: criterion.label, title: criterion.title, counts };
            }),
            gates: this.gateColumns.map((text, i) => {
                const counts = Object.fromEntries(VERDICTS.map(v => [v, 0])) as Record<Verdict, number>;
                for (const record of evaluated) {
                    const verdict = record.gates[i * CELLS_PER_INDICATOR + 2] as Verdict | undefined;
                    if (verdict) counts[verdict]++;
                }
                return { text, counts };
            })
        };
    }

    /** The output workbook's sheets (batch-sheets.ts lays them out). */
    workbook(): WorkbookModel {
        return tableWorkbook({
            records: this.records,
            criteria: this.criteria,
            indicators: this.indicators,
            gateColumns: this.gateColumns,
            packs: this.packs,
            problems: this.problems
        });
    }

    /**
     * The columns of a result's criteria and indicators, in its order. A pack gives the same criteria and
     * indicators in the same order to every commune, so they are found once per pack (checked by label).
     */
    private layoutOf(result: EvaluationResult): PackLayout {
        const key = `${result.pack.id}\u0000${result.pack.version}\u0000${result.pack.validFrom}`;
        const known = this.layouts.get(key);
        if (
            known &&
            sameLabels(known.criterionLabels, result.criteria) &&
            sameLabels(known.indicatorLabels, result.indicators) &&
            sameTexts(known.gateTexts, result.gates)
        ) {
            return known;
        }
        // This pack's criteria by label: an indicator goes under its own pack's criterion.
        const columnOf = new Map<string, number>();
        const criteria = result.criteria.map(criterion => {
            const column = this.criterionColumn(criterion.label, criterion.title);
            columnOf.set(criterion.label, column);
            return column;
        });
        const indicators = result.indicators.map(indicator => {
            const criterion = columnOf.get(indicator.criterion) ?? this.criterionColumn(indicator.criterion, '');
            return this.indicatorColumn(criterion, indicator.label, indicator.requirementText ?? indicator.rule);
        });
        const gates = result.gates.map(gate => {
            let column = this.gateIndex.get(gate.text);
            if (column === undefined) {
                column = this.gateColumns.push(gate.text) - 1;
                this.gateIndex.set(gate.text, column);
            }
            return column;
        });
        const layout: PackLayout = {
            criteria,
            indicators,
            gates,
            criterionLabels: result.criteria.map(c => c.label),
            indicatorLabels: result.indicators.map(i => i.label),
            gateTexts: result.gates.map(g => g.text)
        };
        this.layouts.set(key, layout);
        return layout;
    }

    private infoCells(info: CommuneInfo): string[] {
        return [info.name, info.district ?? '', info.province ?? ''].map(t => this.intern(t));
    }

    private placeOf(info: CommuneInfo): string {
        const where = info.location ? locationText(info.location) : '';
        return where ? `${baseName(info.file)}:${where}` : baseName(info.file);
    }

    /**
     * A criterion's column: packs share one where they have the same label and title (the national
     * structure: «1. Quy hoạch» of two provinces); the same label with another title is another column
     * («4. Điện» of one pack is not «4. Về thu nhập bình quân đầu người» of another).
     */
    private criterionColumn(label: string, title: string): number {
        const exact = `${label}\u0000${title}`;
        const known = this.criterionIndex.get(exact);
        if (known !== undefined) return known;
        // Titles compared as read: «Thông tin và Truyền thông» is «Thông tin và truyền thông», «phòng, chống» is «phòng chống».
        const read = `${label}\u0000\u0000${title
            .toLocaleLowerCase('vi')
            .replace(/[^\p{L}\p{N}]+/gu, ' ')
            .trim()}`;
        let index = this.criterionIndex.get(read);
        if (index === undefined) {
            index = this.criteria.length;
            this.criteria.push({ label, title, indicators: [] });
            this.criterionIndex.set(read, index);
        }
        // The title as written is found at once next time (this runs for every criterion of every commune).
        this.criterionIndex.set(exact, index);
        return index;
    }

    /** An indicator's columns under its criterion's; packs whose requirement differs share them, each commune with its threshold. */
    private indicatorColumn(criterion: number, label: string, requirement: string): number {
        const key = `${criterion}\u0000${label}`;
        let index = this.indicatorIndex.get(key);
        if (index === undefined) {
            index = this.indicators.length;
            this.indicators.push({ label, requirements: [requirement] });
            this.indicatorIndex.set(key, index);
            this.criteria[criterion]!.indicators.push(index);
        } else {
            const requirements = this.indicators[index]!.requirements;
            if (!requirements.includes(requirement)) requirements.push(requirement);
        }
        return index;
    }
}

/**
 * The text in one piece. A text the evaluator built by joining parts is kept by V8 as a tree of them (a few
 * hundred bytes where the characters take forty); held for ten thousand communes that is most of the table.
 * Reading it as a number makes V8 write it out flat once (the parts are then free); the number is not used.
 */
function flat(text: string): string {
    Number(text);
    return text;
}

/**
 * The «còn thiếu» cell of an indicator that lacks data: what it lacks, so that a figure the commune has not
 * given («thiếu: số hộ nghèo») is told apart from a threshold the documents do not give («thiếu: ngưỡng của …»).
 */
function missingCell(indicator: EvaluationResult['indicators'][number]): string {
    return indicator.verdict === 'thiếu dữ liệu' && indicator.missingFacts.length > 0 ? `thiếu: ${indicator.missingFacts.join('; ')}` : '';
}

/** The value cell of an indicator or condition without a computed value: the facts it read, as shown. */
function factTexts(result: { readonly factsUsed: EvaluationResult['indicators'][number]['factsUsed'] }): string {
    const uses = result.factsUsed;
    if (uses.length === 0) return '';
    if (uses.length === 1) return uses[0]!.text;
    return uses.map(use => use.text).join('; ');
}
