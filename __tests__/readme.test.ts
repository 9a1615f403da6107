import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..');

/** The README's "Writing a flow" example, with its imports pointed at the project. */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const example = blocks.find((b) => b.includes('new SharedFlow('));
  if (!example) throw new Error('README has no SharedFlow example');
  return example
    .replace(/from '\.\/(constructs|flow)'/g, (_m, dir) => `from ${JSON.stringify(path.join(root, dir))}`)
    .replace(/from 'cdktf'/g, `from ${JSON.stringify(path.join(root, 'node_modules', 'cdktf'))}`);
}

describe('README example', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  const file = path.join(dir, 'example.ts');
  beforeAll(() => fs.writeFileSync(file, readmeExample()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('type-checks', () => {
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ['node'],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('runs and renders valid flows', () => {
    const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, esModuleInterop: true } }).outputText;
    const run = new Function('require', 'exports', js);
    expect(() => run(require, {})).not.toThrow();
  });
});
