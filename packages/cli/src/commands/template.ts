import * as path from 'node:path';
import { communeTemplate } from '@ntm/evaluation';
import { evaluatorFor } from '@ntm/evaluation/node';
import { showIssue } from '../report/issues.js';
import { ExitCode } from '../util/exit-codes.js';
import { complain, sayJson } from '../report/terminal.js';

/** `ntm template <pack>`: a blank commune file listing every fact with its type, unit and description. */
export async function templateCommand(packFile: string): Promise<number> {
    const { compiled, evaluator } = await evaluatorFor(packFile);
    if (!evaluator) {
        for (const issue of compiled.issues.filter(i => i.severity === 'error')) complain(showIssue(issue));
        return ExitCode.Failure;
    }
    const packPath = path.relative(process.cwd(), compiled.file).split(path.sep).join('/');
    sayJson(communeTemplate(evaluator.FACT_SPECS, packPath));
    return ExitCode.Success;
}
