/** Every suite, for each build of the library to run in full. */
import type { Library } from '../support/library.js';
import { connectionSuite } from './connection.suite.js';
import { hostileInputSuite } from './hostile-input.suite.js';
import { diffSuite } from './diff.suite.js';
import { lawsSuite } from './laws.suite.js';
import { previewSuite } from './preview.suite.js';
import { prototypeKeysSuite } from './prototype-keys.suite.js';
import { recordedSuite } from './recorded.suite.js';
import { rulesSuite } from './rules.suite.js';
import { sharingSuite } from './sharing.suite.js';
import { validationSuite } from './validation.suite.js';

export function allSuites(library: Library): void {
  rulesSuite(library);
  recordedSuite(library);
  validationSuite(library);
  hostileInputSuite(library);
  sharingSuite(library);
  lawsSuite(library);
  previewSuite(library);
  diffSuite(library);
  prototypeKeysSuite(library);
  connectionSuite(library);
}
