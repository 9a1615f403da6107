import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const EXAMPLE = 'examples/readme-example.ts';

/** The README's "Writing a flow" example, as written there. */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const example = blocks.find((b) => b.includes('new SharedFlow('));
  if (!example) throw new Error('README has no SharedFlow example');
  return example;
}

// The example is a project file: the build's tsc type-checks it with the project's strict settings
// (jest's global setup builds, and fails on any type error), and its compiled form runs here.
describe('README example', () => {
  it(`is ${EXAMPLE}, with its imports written from the project root`, () => {
    const file = fs.readFileSync(path.join(root, EXAMPLE), 'utf8');
    expect(readmeExample()).toBe(file.replace(/from '\.\.\/(constructs|flow)'/g, "from './$1'"));
  });

  it('is compiled by the build (tsconfig includes it)', () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8')) as { include: string[] };
    expect(tsconfig.include).toContain('examples/**/*.ts');
    expect(fs.existsSync(path.join(root, 'dist', EXAMPLE.replace(/\.ts$/, '.js')))).toBe(true);
  });

  it('runs and renders valid flows', () => {
    expect(() => require(path.join(root, 'dist', EXAMPLE.replace(/\.ts$/, '.js')))).not.toThrow();
  });
});
