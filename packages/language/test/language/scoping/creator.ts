import type { ResourceTest } from '../../helpers/resource-tests.js';
import { createResourceTests } from '../../helpers/resource-tests.js';

/** The scoping test cases: one per file in `test/resources/scoping/`. */
export function createScopingTests(): ResourceTest[] {
    return createResourceTests('scoping');
}
