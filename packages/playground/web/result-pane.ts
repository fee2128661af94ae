// The result pane: the verdict of each criterion beside the official one, the differences as `ntm eval`
// words them, and the whole text report. Text from packs and communes is set as text, never as HTML.
import type { EvaluationReply, ResultView } from './evaluation-protocol.js';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
}

/** CSS class of a verdict word. */
function verdictClass(verdict: string | undefined): string {
    switch (verdict) {
        case 'đạt':
            return 'verdict pass';
        case 'chưa đạt':
            return 'verdict fail';
        case 'thiếu dữ liệu':
            return 'verdict missing';
        case 'không áp dụng':
            return 'verdict not-applicable';
        default:
            return 'verdict';
    }
}

function criteriaTable(view: ResultView): HTMLTableElement {
    const table = element('table', undefined, 'criteria');
    const head = table.createTHead().insertRow();
    for (const title of ['Tiêu chí', 'Tên tiêu chí', 'Chỉ tiêu đạt', 'Máy', 'Chính thức', 'So sánh']) head.append(element('th', title));
    const body = table.createTBody();
    for (const row of view.criteria) {
        const tr = body.insertRow();
        tr.dataset['criterion'] = row.label;
        tr.dataset['verdict'] = row.verdict;
        if (row.passes === false) tr.className = 'differs';
        tr.append(
            element('td', row.label),
            element('td', row.title),
            element('td', row.indicators, 'number'),
            element('td', row.verdict, verdictClass(row.verdict)),
            element('td', row.official ?? '—', verdictClass(row.official)),
            element('td', row.status === undefined ? '' : `${row.passes ? '✓' : '✗'} ${row.status}`, row.passes === false ? 'status fail' : 'status')
        );
    }
    return table;
}

/** `reveal` shows a line of the pack in the editor: a problem of the pack is a link to its place. */
export function showResult(pane: HTMLElement, reply: EvaluationReply, communeName: string, reveal: (line: number, column: number) => void): void {
    pane.replaceChildren();
    if (reply.kind !== 'result') {
        const heading =
            reply.kind === 'pack-errors'
                ? 'Bộ tiêu chí đang có lỗi, chưa đánh giá được. Sửa các lỗi sau:'
                : reply.kind === 'commune-errors'
                  ? `Tệp xã ${communeName} có lỗi với bộ tiêu chí này:`
                  : 'Lỗi của máy khi đánh giá (hãy báo lỗi):';
        pane.append(element('p', heading, 'problem'));
        const list = element('ul', undefined, 'issues');
        for (const issue of reply.issues.slice(0, 30)) {
            const item = element('li');
            if (issue.line !== undefined) {
                const link = element('a', issue.text);
                link.href = '#';
                link.addEventListener('click', event => {
                    event.preventDefault();
                    reveal(issue.line!, issue.column ?? 1);
                });
                item.append(link);
            } else {
                item.textContent = issue.text;
            }
            list.append(item);
        }
        pane.append(list);
        pane.dataset['state'] = reply.kind;
        return;
    }
    const view = reply.view;
    pane.dataset['state'] = 'result';
    pane.append(
        element('h2', `Xã ${communeName} — ${view.pack}`),
        element('p', `Ngày đánh giá ${view.assessedAt}: ${view.summary}. Công nhận: ${view.recognition}.`, 'summary'),
        element(
            'p',
            view.checksFailed === 0
                ? 'Khớp với kết quả chính thức (kể cả các sai khác đã khai báo).'
                : `${view.checksFailed} kết quả khác với kết quả chính thức mà chưa được khai báo.`,
            view.checksFailed === 0 ? 'agreement' : 'agreement fail'
        ),
        criteriaTable(view)
    );
    if (view.differences.length > 0) {
        pane.append(element('h3', 'Sai khác với kết quả chính thức'));
        const list = element('ul', undefined, 'differences');
        for (const difference of view.differences) list.append(element('li', difference.text, difference.passes ? 'known' : 'fail'));
        pane.append(list);
    }
    const details = element('details');
    details.append(element('summary', 'Báo cáo đầy đủ (như lệnh ntm eval)'), element('pre', view.report, 'report'));
    pane.append(details);
}
