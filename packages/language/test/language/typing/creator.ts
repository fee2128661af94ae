import type { ResourceTest } from '../../helpers/resource-tests.js';
import { createResourceTests } from '../../helpers/resource-tests.js';

/** The typing test cases: one per file in `test/resources/typing/`. */
export function createTypingTests(): ResourceTest[] {
    return createResourceTests('typing');
}
