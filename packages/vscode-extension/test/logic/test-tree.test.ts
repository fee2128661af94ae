import { describe, expect, it } from 'vitest';
import { readCommuneFile } from '../../src/logic/sample-file.js';
import { sampleOutcome, sampleTestNode, verdictId } from '../../src/logic/test-tree.js';
import { check, COMMUNE_URI, SAMPLE_TEXT, sampleResult } from './fixtures.js';

const node = sampleTestNode(readCommuneFile(COMMUNE_URI, SAMPLE_TEXT));

describe('sampleTestNode', () => {
    it('makes one item per sample commune and one child per official verdict, on its line', () => {
        expect(node.label).toBe('Xã Liên Hội');
        expect(node.error).toBeUndefined();
        expect(node.children.map(c => [c.id, c.label, c.line, c.description])).toEqual([
            [verdictId(COMMUNE_URI, 'indicator', '17.5'), 'chỉ tiêu 17.5', 7, 'chính thức: đạt'],
            [verdictId(COMMUNE_URI, 'indicator', '17.6'), 'chỉ tiêu 17.6', 8, 'chính thức: đạt'],
            [verdictId(COMMUNE_URI, 'criterion', '17'), 'tiêu chí 17', 10, 'chính thức: đạt'],
            [verdictId(COMMUNE_URI, 'recognition', 'công nhận'), 'công nhận', 11, 'chính thức: chưa đạt']
        ]);
    });

    it('carries the file problems as the item error', () => {
        const broken = sampleTestNode(readCommuneFile(COMMUNE_URI, SAMPLE_TEXT.replace('"đạt" }', '1 }')));
        expect(broken.error).toBe(
            'lien-hoi-2023.json:11:19 lỗi kết quả chính thức.tiêu chí.17: Giá trị phải là một trong: «đạt», «chưa đạt», «không áp dụng», «thiếu dữ liệu», «chưa đánh giá».'
        );
    });
});

describe('sampleOutcome', () => {
    it('passes matching and declared verdicts, fails the others with the difference, diff and explanation', () => {
        const { outcomes, added } = sampleOutcome(node, sampleResult());
        expect(added).toEqual([]);
        expect(outcomes.map(o => [o.id.split('#')[1], o.state])).toEqual([
            ['indicator:17.5', 'passed'],
            ['indicator:17.6', 'failed'],
            ['criterion:17', 'passed'],
            ['recognition:công nhận', 'passed'],
            [undefined, 'failed']
        ]);
        const failed = outcomes[1]!;
        expect(failed.expected).toBe('đạt');
        expect(failed.actual).toBe('chưa đạt');
        expect(failed.message).toContain('chính thức «đạt», máy «chưa đạt» — sai khác chưa khai báo');
        expect(outcomes.at(-1)!.message).toBe('1 kết quả không đạt kiểm thử: chỉ tiêu 17.6.');
    });

    it('passes the sample when every verdict passes', () => {
        const all = sampleResult({ checks: sampleResult().checks.map(c => ({ ...c, passed: true })) });
        expect(sampleOutcome(node, all).outcomes.at(-1)).toEqual({ id: COMMUNE_URI, state: 'passed' });
    });

    it('adds a check the file does not list, and errors a verdict the server did not report', () => {
        const result = sampleResult({
            checks: [
                ...sampleResult().checks.filter(c => c.label !== '17.5'),
                check({ label: '2.1', official: undefined, computed: undefined, status: 'declared-but-gone', passed: false })
            ]
        });
        const { outcomes, added } = sampleOutcome(node, result);
        expect(added.map(a => a.id)).toEqual([verdictId(COMMUNE_URI, 'indicator', '2.1')]);
        expect(outcomes.find(o => o.id === verdictId(COMMUNE_URI, 'indicator', '17.5'))).toEqual({
            id: verdictId(COMMUNE_URI, 'indicator', '17.5'),
            state: 'errored',
            message: 'Máy chủ không trả kết quả cho chỉ tiêu 17.5.'
        });
    });

    it('errors a sample that could not run with its problems and skips its verdicts', () => {
        const { outcomes } = sampleOutcome(
            node,
            sampleResult({ ran: false, checks: [], problems: ['lien-hoi-2023.json, trường «ngày đánh giá»: ngày không hợp lệ'] })
        );
        expect(outcomes[0]).toEqual({ id: COMMUNE_URI, state: 'errored', message: 'lien-hoi-2023.json, trường «ngày đánh giá»: ngày không hợp lệ' });
        expect(outcomes.slice(1).every(o => o.state === 'skipped')).toBe(true);
    });
});
