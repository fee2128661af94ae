import { describeResourceTests } from '../../helpers/resource-suite.js';
import { createValidationTests } from './creator.js';

describeResourceTests('validation resources', createValidationTests());
