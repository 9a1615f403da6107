import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// Imports only point down the layering below, and no project files import each other in a circle. In short:
// entry points (main.ts, tools/, bench/) → runtime/ → stacks/ → constructs/, config/, simulator/ → flow/ →
// formats/, and the emulator imports formats/ only. A file belongs to the layer whose folder (or file) holds
// it, the most specific one winning; a layer may import itself and the layers it lists. Anything else points
// up or sideways.

interface Layer {
  readonly name: string;
  /** Folders (ending in `/`) or files of the layer; default: the folder named like the layer. */
  readonly paths?: readonly string[];
  readonly mayImport: readonly string[];
}

const RUNTIME = [
  'runtime/synth',
  'runtime/flow-check',
  'runtime/drift',
  'runtime/plan-review',
  'runtime/cli',
  'runtime/verification',
  'runtime/synth-output',
  'runtime/architect',
  'runtime/genesys',
  'runtime/flow-compare',
  'runtime/text',
];

/** The project's code, top to bottom. */
const CODE_LAYERS: readonly Layer[] = [
  // Entry points: commands (main.ts is the cdktf app); none imports another.
  { name: 'main.ts', paths: ['main.ts'], mayImport: ['runtime/synth', 'stacks', 'config'] },
  { name: 'tools', mayImport: [...RUNTIME, 'stacks', 'simulator', 'constructs', 'config', 'emulator', 'flow', 'formats'] },
  { name: 'bench', mayImport: [...RUNTIME, 'stacks', 'constructs', 'config', 'emulator', 'flow', 'formats', 'bindings'] },
  { name: 'examples', mayImport: ['constructs', 'flow'] },
  // The emulator's command line (`npm run emulator`) is an entry point; the emulator that tools and tests start is not.
  { name: 'emulator/main.ts', paths: ['emulator/main.ts'], mayImport: ['emulator', 'runtime/cli'] },
  // runtime/: synth into a folder, the flow check handler, drift, plan review, command lines; then what they share.
  { name: 'runtime/synth', mayImport: ['stacks', 'constructs', 'config', 'flow'] },
  // The handler's input is the constructs' contract (constructs/flow-check-contract.ts).
  {
    name: 'runtime/flow-check',
    mayImport: [
      'runtime/cli',
      'runtime/verification',
      'runtime/synth-output',
      'runtime/architect',
      'runtime/genesys',
      'runtime/flow-compare',
      'constructs',
      'formats',
    ],
  },
  { name: 'runtime/drift', mayImport: ['runtime/verification', 'runtime/synth-output', 'runtime/architect', 'runtime/genesys', 'runtime/text'] },
  // Its plan-file errors are the flow language's ProblemErrors.
  { name: 'runtime/plan-review', mayImport: ['runtime/synth-output', 'runtime/flow-compare', 'runtime/text', 'flow'] },
  { name: 'runtime/cli', mayImport: ['runtime/genesys'] },
  { name: 'runtime/verification', mayImport: ['runtime/synth-output', 'runtime/architect', 'runtime/genesys', 'runtime/flow-compare'] },
  { name: 'runtime/synth-output', mayImport: ['runtime/architect', 'formats'] },
  { name: 'runtime/architect', mayImport: ['runtime/genesys'] },
  // The client reads the region list from config; its errors are the flow language's ProblemErrors.
  { name: 'runtime/genesys', mayImport: ['config', 'flow'] },
  { name: 'runtime/flow-compare', mayImport: [] },
  { name: 'runtime/text', mayImport: [] },
  // The app: stacks build each environment of config from the constructs.
  { name: 'stacks', mayImport: ['constructs', 'config', 'flow', 'formats', 'bindings'] },
  // Simulates the flows it is given (constructs: their public types).
  { name: 'simulator', mayImport: ['constructs', 'flow', 'formats'] },
  { name: 'constructs', mayImport: ['flow', 'formats', 'bindings'] },
  { name: 'config', mayImport: ['flow', 'formats'] },
  // A stand-in for Genesys: it shares pure helpers only, never the code it tests.
  { name: 'emulator', mayImport: ['formats'] },
  { name: 'flow', mayImport: ['formats'] },
  // Pure helpers about outside formats (E.164, cdktf's token marker, Archy YAML), shared by every layer.
  { name: 'formats', mayImport: [] },
  { name: 'bindings', paths: ['.gen/'], mayImport: [] },
];

/** Tests may import every layer; no layer imports them. */
const LAYERS: readonly Layer[] = [{ name: 'tests', paths: ['__tests__/'], mayImport: CODE_LAYERS.map((l) => l.name) }, ...CODE_LAYERS];

const root = path.resolve(__dirname, '..');
const NOT_PROJECT = new Set(['node_modules', 'dist', 'cdktf.out', '.git']);

/** Every project .ts file, relative to the root with `/` separators. */
function projectFiles(dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return NOT_PROJECT.has(entry.name) ? [] : projectFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

const files = projectFiles().sort();
const fileSet = new Set(files);
const layerPaths = LAYERS.flatMap((layer) => (layer.paths ?? [`${layer.name}/`]).map((p) => ({ p, layer })));

function layerOf(file: string): Layer | undefined {
  const matches = layerPaths.filter(({ p }) => (p.endsWith('/') ? file.startsWith(p) : file === p));
  return matches.sort((a, b) => b.p.length - a.p.length)[0]?.layer;
}

/** The project .ts files `file` imports: `import`, `export … from`, `require(…)`, `import(…)` of relative paths. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
  const targets = importedFiles
    .map((i) => i.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => {
      // `./x.js` is how ESM-style code names `./x.ts`; `./dir/` is `./dir/index.ts`.
      const base = path.posix
        .normalize(path.posix.join(path.posix.dirname(file), spec))
        .replace(/\/$/, '')
        .replace(/\.js$/, '');
      const target = [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => fileSet.has(candidate));
      // An import of ours that resolves to no project file is not silently dropped (it would escape the table).
      return target ?? `${base} (unresolved, from ${file})`;
    });
  return [...new Set(targets)];
}

const imports = new Map(files.map((f) => [f, importsOf(f)]));

/** One cycle per group of files that import each other in a circle (Tarjan's strongly connected components). */
function importCycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const target of imports.get(file)!) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (stack.includes(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) === index.get(file)) {
      const group = stack.splice(stack.indexOf(file));
      if (group.length > 1 || imports.get(file)!.includes(file)) groups.push(group.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return groups.map((group) => shortestCycle(group[0], new Set(group)));
}

/** The shortest path of imports from `start` back to itself, inside `group`. */
function shortestCycle(start: string, group: ReadonlySet<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (const file of queue) {
    for (const target of imports.get(file)!.filter((t) => group.has(t))) {
      if (target === start) {
        const cycle = [file];
        while (cycle[0] !== start) cycle.unshift(cameFrom.get(cycle[0])!);
        return [...cycle, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  throw new Error(`${start} is in no cycle`);
}

describe('import directions', () => {
  it('the layering itself points down: every layer it names exists, and no layer reaches itself through others', () => {
    const byName = new Map(LAYERS.map((l) => [l.name, l]));
    expect(LAYERS.flatMap((l) => l.mayImport.filter((name) => !byName.has(name)).map((name) => `${l.name} names ${name}`))).toEqual([]);
    const reaches = (from: Layer, seen = new Set<string>()): Set<string> => {
      for (const name of from.mayImport) if (!seen.has(name)) reaches(byName.get(name)!, seen.add(name));
      return seen;
    };
    expect(LAYERS.filter((l) => reaches(l).has(l.name)).map((l) => l.name)).toEqual([]);
  });

  it('every project file belongs to a layer', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it('every relative import names a project file (`./x.js` and `./dir/` included), so none escapes the table', () => {
    expect([...imports.values()].flat().filter((target) => target.includes('(unresolved'))).toEqual([]);
  });

  it('imports point only down: no file imports a layer above its own or beside it', () => {
    const wrong = files.flatMap((file) => {
      const from = layerOf(file)!;
      return imports
        .get(file)!
        .filter((target) => {
          const to = layerOf(target)!;
          return to !== from && !from.mayImport.includes(to.name);
        })
        .map((target) => `${file} → ${target} (${from.name} may import ${from.mayImport.join(', ') || 'nothing of the project'})`);
    });
    expect(wrong).toEqual([]);
  });

  it('no import cycles among project files', () => {
    expect(importCycles().map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
