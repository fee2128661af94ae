import { describeResourceTests } from '../../helpers/resource-suite.js';
import { createScopingTests } from './creator.js';

describeResourceTests('scoping resources', createScopingTests());
