import * as fs from 'fs';
import { useBuildCopy } from './build-copy';

// scripts/build.js in its own temporary copy of the project (see build-copy.ts): a new source seen by
// two concurrent runs, a deleted source, a stamp written by the earlier script.

/** Matched by a glob of the copy's tsconfig, so a new file there is a new input of tsc (of no bundle). */
const EXTRA_SOURCE = 'config/build-test-extra.ts';

const copy = useBuildCopy();

describe('scripts/build.js (in a temporary copy of the project)', () => {
  it('two concurrent runs: one builds, the other waits for the lock and finds nothing stale', async () => {
    const { build, file } = copy;
    // A new file matched by tsconfig's include is a new input of tsc (and of no bundle).
    fs.writeFileSync(file(EXTRA_SOURCE), 'export const extra = 1;\n');
    const both = await Promise.all([build(), build()]);
    for (const b of both) expect(b).toMatchObject({ code: 0, stdout: '', failed: [] });
    expect(both.flatMap((b) => b.steps)).toEqual(['tsc']);
    expect(both.map((b) => b.stderr).join('')).toContain(`(changed: ${EXTRA_SOURCE})`);
    expect(fs.existsSync(file('dist/config/build-test-extra.js'))).toBe(true);
    expect(fs.existsSync(file('dist/.build.lock'))).toBe(false);
    expect((await build()).stderr).toBe('');
  });

  it('a deleted source: tsc runs and its stale output is removed', async () => {
    const { build, file } = copy;
    fs.rmSync(file(EXTRA_SOURCE));
    const result = await build();
    expect(result).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(result.stderr).toContain('removing dist/config/build-test-extra.js');
    expect(fs.existsSync(file('dist/config/build-test-extra.js'))).toBe(false);
    expect(fs.existsSync(file('dist/config/closest.js'))).toBe(true);
  });

  it('a stamp from the earlier script (no record of what tsc read): tsc runs once to record it', async () => {
    const { build, file, stamp } = copy;
    const old = stamp();
    delete old.steps.tsc.program;
    fs.writeFileSync(file('dist/.build-stamp.json'), JSON.stringify(old));
    const result = await build();
    expect(result).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(result.stderr).toContain('(the files tsc reads are not recorded yet)');
    expect((await build()).stderr).toBe('');
  });
});
