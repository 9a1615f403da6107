import * as fs from 'fs';
import * as path from 'path';
import { root } from './build-copy';

/**
 * The project files of the program tsc compiled for jest's global build, by tsc's own account: the
 * `fileNames` it wrote to its incremental state (relative to that file; lib files and node_modules left
 * out). Reading them saves running tsc over the whole program a second time (~4 s).
 */
function compiledByTsc(): string[] {
  const info = path.join(root, 'dist', '.tsbuildinfo');
  const { fileNames } = JSON.parse(fs.readFileSync(info, 'utf8')) as { fileNames: string[] };
  return fileNames
    .map((f) =>
      path
        .relative(root, path.resolve(path.dirname(info), f))
        .split(path.sep)
        .join('/'),
    )
    .filter((f) => !f.startsWith('..') && !/(?:^|\/)node_modules\//.test(f))
    .sort();
}

describe('scripts/build.js inputs of tsc (the real tsconfig)', () => {
  it('hashes exactly the project files that tsc compiles', () => {
    const compiled = compiledByTsc();
    // The program holds the project: no empty or partial listing passes this.
    expect(compiled).toEqual(
      expect.arrayContaining(['main.ts', 'constructs/flow-check.ts', 'runtime/flow-check/main.ts', 'examples/readme-example.ts']),
    );

    const { tscSourceFiles } = require(path.join(root, 'scripts', 'build.js'));
    expect(tscSourceFiles()).toEqual(compiled);
  });
});
