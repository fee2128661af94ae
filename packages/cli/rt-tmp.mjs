import { writeInputTemplate, spreadsheetInput } from '@ntm/evaluation/batch';
import { evaluateCommuneAt } from '@ntm/evaluation/node';
const cases = [
    ['rulesets/ha-nam/ntm-nang-cao.ntm', 'examples/ha-nam/liem-can-2024.json'],
    ['rulesets/ha-noi/kieu-mau.ntm', 'examples/ha-noi/lien-ninh-2023.json'],
    ['rulesets/lang-son/1494-xa-ntm.ntm', 'examples/lang-son/lien-hoi-2023.json']
];
for (const [pack, json] of cases) {
    const out = `/tmp/bt/rt-${json.split('/').pop()}.xlsx`;
    await writeInputTemplate(pack, out, [json]);
    const input = await spreadsheetInput(out, pack);
    console.log(json, 'sheet problems', input.problems);
    const direct = await evaluateCommuneAt(json);
    for await (const o of input.communes()) {
        if (!o.result) {
            console.log('FAILED', o.problems);
            continue;
        }
        const diff = [];
        for (const i of direct.result.indicators) {
            const j = o.result.indicators.find(x => x.label === i.label);
            if (j.verdict !== i.verdict) diff.push(i.label + ' ' + i.verdict + ' vs ' + j.verdict);
        }
        console.log(
            'diffs',
            diff,
            o.result.summary.text,
            direct.result.summary.text,
            o.problems.map(p => p.message)
        );
    }
}
