import { describeResourceTests } from '../../helpers/resource-suite.js';
import { createResourceTests } from '../../helpers/resource-tests.js';

// Packs that build on packs, changes, amendments, tables, unknown thresholds: one case per file in
// test/resources/composition/ (base packs they build on live in its bases/ folder).
describeResourceTests('composition resources', createResourceTests('composition'));
