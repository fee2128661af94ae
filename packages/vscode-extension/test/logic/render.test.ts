import { describe, expect, it } from 'vitest';
import { failureMessage, renderRunResult } from '../../src/logic/render.js';
import { check, sampleResult } from './fixtures.js';

describe('renderRunResult', () => {
    it('writes each sample with its summary, every verdict, and the cause of each difference', () => {
        expect(renderRunResult({ samples: [sampleResult()] })).toEqual([
            '── xã Liên Hội (lien-hoi-2023.json) ──',
            'Bộ tiêu chí: lang-son.ntm',
            'Máy đánh giá: 9/19 tiêu chí đạt',
            '4 kết quả: 2 khớp, 1 sai khác đã biết, 1 không đạt kiểm thử.',
            '✓ chỉ tiêu 17.5: chính thức «đạt», máy «đạt» — khớp',
            '✗ chỉ tiêu 17.6: chính thức «đạt», máy «chưa đạt» — sai khác chưa khai báo',
            '    Diễn giải của máy:',
            '      nghĩa trang theo quy hoạch = không',
            '✓ tiêu chí 17: chính thức «đạt», máy «thiếu dữ liệu» — sai khác đã biết',
            '    Nguyên nhân: thiếu dữ liệu trong báo cáo',
            '    Giải thích: Báo cáo không nêu số hộ.',
            '✓ công nhận: chính thức «chưa đạt», máy «chưa đạt» — khớp',
            '',
            '1/1 xã mẫu không đạt kiểm thử.'
        ]);
    });

    it('shows the problems of a sample that could not run', () => {
        const lines = renderRunResult({ samples: [sampleResult({ ran: false, checks: [], problems: ['xa.json, trường «dữ kiện»: thiếu'] })] });
        expect(lines).toContain('⚠ xa.json, trường «dữ kiện»: thiếu');
        expect(lines).toContain('Không chạy được xã mẫu này.');
        expect(lines.at(-1)).toBe('1/1 xã mẫu không đạt kiểm thử.');
    });

    it('says so when a pack has no sample commune', () => {
        expect(renderRunResult({ samples: [] })[0]).toMatch(/^Không có xã mẫu nào/);
    });

    it('says all passed only when every check passed', () => {
        const passing = sampleResult({ checks: [check({ label: '1.1' })] });
        expect(renderRunResult({ samples: [passing] }).at(-1)).toBe('Tất cả 1 xã mẫu đạt kiểm thử.');
    });
});

describe('failureMessage', () => {
    it('gives the difference, its cause and explanation, then the engine explanation', () => {
        const message = failureMessage(
            check({
                label: '2.1',
                computed: 'thiếu dữ liệu',
                status: 'computed-differs-from-declared',
                passed: false,
                cause: 'missing-in-report',
                explanation: 'Không có km được bảo trì.',
                detail: ['thiếu: chiều dài đường được bảo trì']
            })
        );
        expect(message).toBe(
            [
                '✗ chỉ tiêu 2.1: chính thức «đạt», máy «thiếu dữ liệu» — kết quả máy khác khai báo',
                'Nguyên nhân: thiếu dữ liệu trong báo cáo',
                'Giải thích: Không có km được bảo trì.',
                'Diễn giải của máy:',
                '  thiếu: chiều dài đường được bảo trì'
            ].join('\n')
        );
    });
});
