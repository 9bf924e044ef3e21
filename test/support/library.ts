/** What every suite tests: the source, or the built package through `import` or `require`. */
export type Library = typeof import('../../src/index.js');
