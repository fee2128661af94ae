// `ntm check` compares a provincial replacement with every version of the national indicator in force while
// the provincial pack is: a 96% that is stricter than the national 95% but looser than its 97% amendment warns.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntm, resources } from './helpers/run-ntm.js';

describe('ntm check: looser than the national rule at every date', () => {
    it('warns about a replacement looser than a national amendment, naming the amendment', async () => {
        const out = await ntm('check', path.join(resources, 'looser', 'tinh.ntm'));
        expect(out.code, out.stdout + out.stderr).toBe(0);
        expect(out.stdout).toContain(
            'tinh.ntm:10:61 cảnh báo Ngưỡng «tỷ lệ tham gia bảo hiểm y tế >= 96%» lỏng hơn ngưỡng của bộ gốc «quốc gia thử» trong thời gian cùng hiệu lực: «tỷ lệ tham gia bảo hiểm y tế >= 97%» (sửa đổi theo 211/QĐ-TTg từ 01/03/2024)'
        );
        expect(out.stdout).toMatch(/^1 tệp, 0 lỗi, 2 cảnh báo, /m);
    });
});
