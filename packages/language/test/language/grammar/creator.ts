import type { ResourceTest } from '../../helpers/resource-tests.js';
import { createResourceTests } from '../../helpers/resource-tests.js';

/** The grammar test cases: one per file in `test/resources/grammar/`. */
export function createGrammarTests(): ResourceTest[] {
    return createResourceTests('grammar');
}
