import { describeResourceTests } from '../../helpers/resource-suite.js';
import { createTypingTests } from './creator.js';

describeResourceTests('typing resources', createTypingTests());
