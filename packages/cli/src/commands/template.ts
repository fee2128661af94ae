import * as path from 'node:path';
import type { FactSpec } from '@ntm/language';
import { formatDiagnostic } from '../compile/compile-pack.js';
import { relativeToCwd } from '../util/files.js';
import { ExitCode } from '../util/exit-codes.js';
import { evaluatorFor } from './evaluate-commune.js';

const KIND_TEXT: Readonly<Record<FactSpec['kind'], string>> = {
    percent: 'phần trăm', count: 'số đếm (số nguyên ≥ 0)', quantity: 'số', money: 'tiền', boolean: 'có/không (true/false)',
    level: 'mức', date: 'ngày (YYYY-MM-DD)', year: 'năm'
};

/** `ntm template <pack>`: a blank commune file listing every fact with its type, unit and description. */
export async function templateCommand(packFile: string): Promise<number> {
    const { compiled, evaluator } = await evaluatorFor(packFile);
    if (!evaluator) {
        for (const d of compiled.loaded.diagnostics.filter(d => d.severity === 1)) console.error(formatDiagnostic(relativeToCwd(compiled.file), d));
        return ExitCode.Failure;
    }
    const facts: Record<string, null> = {};
    const descriptions: Record<string, string> = {};
    for (const spec of evaluator.FACT_SPECS) {
        if (spec.unused) continue; // declared by a base pack, read by no rule of this one
        if (!spec.derived) facts[spec.name] = null;
        descriptions[spec.name] = describe(spec);
    }
    const template = {
        'xã': '',
        'huyện': '',
        'tỉnh': '',
        'bộ tiêu chí': path.relative(process.cwd(), compiled.file).split(path.sep).join('/'),
        'ngày đánh giá': 'YYYY-MM-DD',
        'nguồn': '',
        'dữ kiện': facts,
        'mô tả dữ kiện': descriptions
    };
    console.log(JSON.stringify(template, undefined, 2));
    return ExitCode.Success;
}

function describe(spec: FactSpec): string {
    const parts = [KIND_TEXT[spec.kind] + (spec.unit && spec.unit !== '%' ? `, đơn vị ${spec.unit}` : '')];
    if (spec.levels) parts.push(`một trong: ${spec.levels.join(' < ')}`);
    if (spec.members) parts.push(`có thể nhập theo phân tổ { ${spec.members.map(m => `"${m}": …`).join(', ')} }`);
    if (spec.derived) parts.push('dữ kiện tính toán: chỉ nhập khi báo cáo ghi sẵn số liệu, để đối chiếu');
    if (spec.description) parts.push(spec.description);
    return parts.join(' — ');
}
