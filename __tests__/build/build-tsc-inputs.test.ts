import * as path from 'path';
import { listFilesOnly, root } from './build-copy';

// Against the repository's real tsconfig (no copy, nothing built): its own file, so tsc's ~4 s reading
// the whole program runs in parallel with the tests that build in copies.
describe('scripts/build.js inputs of tsc (the real tsconfig)', () => {
  it('hashes exactly the project files that tsc compiles', () => {
    const listed = listFilesOnly(root);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { tscSourceFiles } = require(path.join(root, 'scripts', 'build.js'));
    expect(tscSourceFiles()).toEqual(listed);
  });
});
