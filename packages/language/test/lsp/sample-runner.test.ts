import { describe, expect, it } from 'vitest';
import { isRunSamplesParams } from '../../src/lsp/server/run-samples-handler.js';
import { lspServices } from './lsp-test-services.js';

describe('ntm/chayKiemThu in the language package', () => {
    it('says test runs are unavailable when no runner is supplied (the CLI\'s server supplies one)', async () => {
        const result = await lspServices().testing.SampleRunner.run({ packUri: 'file:///p.ntm' }, { workspaceFolders: [] });
        expect(result).toEqual({
            samples: [{
                communeUri: 'file:///p.ntm', packUri: 'file:///p.ntm', ran: false, checks: [],
                problems: ['Máy chủ ngôn ngữ này không chạy được kiểm thử xã mẫu: hãy dùng máy chủ của công cụ ntm (lệnh «ntm lsp»).']
            }]
        });
    });

    it('accepts a pack, a commune or both, and nothing else', () => {
        expect(isRunSamplesParams({ packUri: 'file:///p.ntm' })).toBe(true);
        expect(isRunSamplesParams({ communeUri: 'file:///x.json', packUri: 'file:///p.ntm' })).toBe(true);
        expect(isRunSamplesParams({})).toBe(false);
        expect(isRunSamplesParams({ packUri: '' })).toBe(false);
        expect(isRunSamplesParams({ packUri: 3 })).toBe(false);
        expect(isRunSamplesParams(null)).toBe(false);
        expect(isRunSamplesParams('file:///p.ntm')).toBe(false);
    });
});
