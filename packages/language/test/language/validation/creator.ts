import type { ResourceTest } from '../../helpers/resource-tests.js';
import { createResourceTests } from '../../helpers/resource-tests.js';

/** The validation test cases: one per file in `test/resources/validation/`. */
export function createValidationTests(): ResourceTest[] {
    return createResourceTests('validation');
}
