import type { Code } from './code.js';
import { both, objectInline } from './code.js';
import { optionalStr, str } from './emit-code.js';

export interface SourceInfo {
    readonly number: string;
    readonly issuer: string;
    readonly date?: string;
    readonly title?: string;
}

export interface CitationData extends SourceInfo {
    readonly location?: string;
}

/**
 * The module's one table of legal sources (`LAW`), keyed by the decision's number: a citation is
 * `cite(LAW["43/2022/QĐ-UBND"], "Phụ lục, tiêu chí 17")`, so a title is written once however many rules
 * cite it. Two different sources with the same number (a base pack and a provincial pack describing one
 * decision differently) are kept apart as `"… #2"`.
 */
export class LegalSources {
    private readonly entries = new Map<string, { readonly info: SourceInfo; readonly json: string }>();

    /** `LAW["318/QĐ-TTg"]`. */
    ref(info: SourceInfo): string {
        return `LAW[${str(this.keyOf(info))}]`;
    }

    /** A citation as code: the source by reference, with its location when it has one. */
    cite(citation: CitationData): string {
        const { location, ...info } = citation;
        return location === undefined ? this.ref(info) : `cite(${this.ref(info)}, ${str(location)})`;
    }

    /** `const LAW = { … }`, one source per line; undefined when nothing was cited. */
    declaration(): Code | undefined {
        if (this.entries.size === 0) return undefined;
        const rows = [...this.entries].map(
            ([key, { info }]) =>
                `    ${str(key)}: ${objectInline([
                    ['number', str(info.number)],
                    ['issuer', str(info.issuer)],
                    ['date', optionalStr(info.date)],
                    ['title', optionalStr(info.title)]
                ])}`
        );
        return both(
            `/** Văn bản pháp lý được trích dẫn, theo số hiệu: mỗi văn bản ghi một lần, các trích dẫn trỏ tới đây. */\nconst LAW = {\n${rows.join(',\n')}\n};`
        );
    }

    private keyOf(info: SourceInfo): string {
        const plain: SourceInfo = {
            number: info.number,
            issuer: info.issuer,
            ...(info.date !== undefined ? { date: info.date } : {}),
            ...(info.title !== undefined ? { title: info.title } : {})
        };
        const json = JSON.stringify(plain);
        for (let n = 1; ; n++) {
            const key = n === 1 ? info.number : `${info.number} #${n}`;
            const entry = this.entries.get(key);
            if (!entry) {
                this.entries.set(key, { info: plain, json });
                return key;
            }
            if (entry.json === json) return key;
        }
    }
}
