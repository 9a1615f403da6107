import * as fs from 'fs';
import * as path from 'path';
import { UNVERIFIED_SHAPES } from '../flow';

const root = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

const projectSources = ['main.ts', ...['config', 'constructs', 'stacks', 'flow', 'formats', 'tools', 'bench'].flatMap(sources)];

describe('project rules', () => {
  it('imports provider bindings per resource, never through the namespace index', () => {
    const offenders = projectSources.filter((f) =>
      /from ['"][./]*\.gen\/providers\/genesyscloud(\/(index|lazy-index))?['"]/.test(fs.readFileSync(path.join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('never reads ../shared at build, test or run time', () => {
    const offenders = [...projectSources, 'package.json', 'tsconfig.json', 'cdktf.json', 'jest.config.js', '.ci/run'].filter((f) =>
      /\.\.\/shared(\/|['"`\s]|$)|\/work\/shared/m.test(fs.readFileSync(path.join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the flow language free of cdktf', () => {
    const offenders = sources('flow').filter((f) => /from ['"](cdktf|constructs)['"]/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('lists every unverified Archy shape in the README under Platform fidelity', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Platform fidelity'));
    for (const shape of UNVERIFIED_SHAPES) expect(section).toContain(`\`${shape.id}\``);
  });

  it('writes unverified shapes only in flow/archy/unverified.ts', () => {
    const emitter = fs.readFileSync(path.join(root, 'flow/archy/emitter.ts'), 'utf8');
    for (const key of ['callCommonModule', 'defaultLanguageSkill']) {
      expect(emitter).not.toMatch(new RegExp(`\\b${key}\\s*:`));
    }
  });
});
