import * as fs from 'fs';
import { listFilesOnly, useBuildCopy } from './build-copy';

// scripts/build.js in its own temporary copy of the project (see build-copy.ts): files tsc compiles
// because an included file imports them from outside `include`.

/** Matched by the include glob; imports files that no include glob matches (a top-level lib/ folder). */
const IMPORTER = 'config/build-test-importer.ts';
const OUTSIDE = {
  ts: 'lib/build-test-msg.ts',
  cts: 'lib/build-test-cjs.cts',
  mts: 'lib/build-test-esm.mts',
  json: 'lib/build-test-data.json',
};
const OUTSIDE_OUTPUTS = ['dist/lib/build-test-msg.js', 'dist/lib/build-test-cjs.cjs', 'dist/lib/build-test-esm.mjs', 'dist/lib/build-test-data.json'];

const copy = useBuildCopy();

describe('scripts/build.js (in a temporary copy of the project)', () => {
  it('files imported from outside include (a new lib/, .cts, .mts, .json): compiled, tracked, rebuilt when they change', async () => {
    const { build, edit, file, filesUnder, project, stamp } = copy;
    fs.mkdirSync(file('lib'));
    fs.writeFileSync(file(OUTSIDE.ts), "export const message = 'first message';\n");
    fs.writeFileSync(file(OUTSIDE.cts), 'export const cjs = 1;\n');
    fs.writeFileSync(file(OUTSIDE.mts), 'export const esm = 1;\n');
    fs.writeFileSync(file(OUTSIDE.json), '{ "value": "first value" }\n');
    fs.writeFileSync(
      file(IMPORTER),
      [
        "import { message } from '../lib/build-test-msg';",
        "import { cjs } from '../lib/build-test-cjs.cjs';",
        "import data from '../lib/build-test-data.json';",
        'export const all = [message, cjs, data.value];',
        "export const loadEsm = () => import('../lib/build-test-esm.mjs');",
        '',
      ].join('\n'),
    );
    const added = await build();
    expect(added).toMatchObject({ code: 0, steps: ['tsc'], failed: [] });
    expect(added.stderr).toContain(`(changed: ${IMPORTER})`);
    for (const o of OUTSIDE_OUTPUTS) expect(fs.existsSync(file(o))).toBe(true);
    // The stamp records what tsc really read (its .tsbuildinfo), node_modules left to package-lock.json…
    const program = stamp().steps.tsc.program;
    expect(program).toEqual(listFilesOnly(project));
    expect(program).toEqual(expect.arrayContaining(Object.values(OUTSIDE)));
    expect(Object.keys(stamp().steps.tsc.inputs)).toEqual(expect.arrayContaining(Object.values(OUTSIDE)));
    // …and exactly the files tsc wrote (the bundles, tsc's state and the stamp aside).
    const written = filesUnder('dist').filter((f) => !/^dist\/(?:handlers|pipeline|\.build)\/|^dist\/\.[^/]*$/.test(f));
    expect([...stamp().steps.tsc.outputs].sort()).toEqual(written.sort());
    expect((await build()).stderr).toBe('');

    edit(OUTSIDE.ts, (t) => t.replace('first message', 'second message'));
    const ts = await build();
    expect(ts).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(ts.stderr).toContain(`(changed: ${OUTSIDE.ts})`);
    expect(fs.readFileSync(file('dist/lib/build-test-msg.js'), 'utf8')).toContain('second message');

    edit(OUTSIDE.json, (t) => t.replace('first value', 'second value'));
    const json = await build();
    expect(json).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(json.stderr).toContain(`(changed: ${OUTSIDE.json})`);
    expect(fs.readFileSync(file('dist/lib/build-test-data.json'), 'utf8')).toContain('second value');

    edit(OUTSIDE.cts, (t) => t.replace('= 1', '= 2'));
    edit(OUTSIDE.mts, (t) => t.replace('= 1', '= 2'));
    const modules = await build();
    expect(modules).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(modules.stderr).toContain('(changed: 2 files)');
    expect(fs.readFileSync(file('dist/lib/build-test-cjs.cjs'), 'utf8')).toContain('cjs = 2');
    expect(fs.readFileSync(file('dist/lib/build-test-esm.mjs'), 'utf8')).toContain('esm = 2');
    expect((await build()).stderr).toBe('');
  });

  it('a file outside include no longer imported, then deleted: its output is removed, it is no longer an input', async () => {
    const { build, edit, file, project, stamp } = copy;
    edit(IMPORTER, (t) => t.replace("import { message } from '../lib/build-test-msg';\n", '').replace('[message, ', '['));
    const unused = await build();
    expect(unused).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(unused.stderr).toContain(`(changed: ${IMPORTER}, removing dist/lib/build-test-msg.js)`);
    expect(fs.existsSync(file('dist/lib/build-test-msg.js'))).toBe(false);
    expect(fs.existsSync(file(OUTSIDE.ts))).toBe(true);
    expect(Object.keys(stamp().steps.tsc.inputs)).not.toContain(OUTSIDE.ts);
    // tsc no longer reads it: editing it rebuilds nothing.
    edit(OUTSIDE.ts, (t) => `${t}// unused now\n`);
    expect((await build()).stderr).toBe('');

    fs.rmSync(file('lib'), { recursive: true });
    fs.rmSync(file(IMPORTER));
    const deleted = await build();
    expect(deleted).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(deleted.stderr).toContain('removing 4 stale outputs');
    for (const o of [...OUTSIDE_OUTPUTS, 'dist/config/build-test-importer.js']) expect(fs.existsSync(file(o))).toBe(false);
    expect(fs.existsSync(file('dist/lib'))).toBe(false);
    expect(fs.existsSync(file('dist/config/closest.js'))).toBe(true);
    expect(stamp().steps.tsc.program).toEqual(listFilesOnly(project));
    expect((await build()).stderr).toBe('');
  });
});
