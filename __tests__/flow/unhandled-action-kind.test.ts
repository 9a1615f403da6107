import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

/** A new action kind, registered as the real ones are, that nothing renders, simulates or validates. */
function holdAction(actionModule: string): string {
  return [
    `import { ActionBase } from '${actionModule}';`,
    `export class Hold extends ActionBase {`,
    `  readonly kind = 'hold';`,
    `}`,
    `declare module '${actionModule}' {`,
    `  interface ActionsByKind {`,
    `    hold: Hold;`,
    `  }`,
    `}`,
  ].join('\n');
}

/** The module specifier that imports `target` (a path without extension) from a file in `dir`. */
function importPath(dir: string, target: string): string {
  const relative = path.relative(dir, target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

interface Diagnostic {
  readonly file: string;
  readonly message: string;
}

/** Type-checks the flow language and the simulator with `extraSource` added (ts-jest does not type-check). */
function typeCheckWith(extraSource: (dir: string) => string): { status: number | null; diagnostics: Diagnostic[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'action-kind-'));
  try {
    fs.writeFileSync(path.join(dir, 'hold.ts'), extraSource(dir));
    const tsconfig = {
      extends: path.join(root, 'tsconfig.json'),
      compilerOptions: {
        noEmit: true,
        // No build info: it would overwrite the project's own (dist/.tsbuildinfo).
        incremental: false,
        // The extra file lives outside the project, and so do the project's types seen from it.
        rootDir: path.parse(root).root,
        typeRoots: [path.join(root, 'node_modules/@types')],
      },
      include: [],
      files: [path.join(root, 'flow/index.ts'), path.join(root, 'simulator/index.ts'), path.join(dir, 'hold.ts')],
    };
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.json'), '--pretty', 'false'],
      { cwd: root, encoding: 'utf8' },
    );
    // `file(line,col): error TSnnnn: message`, or `error TSnnnn: message` for the program as a whole;
    // indented lines continue the message.
    const diagnostics: Diagnostic[] = [];
    for (const line of tsc.stdout.split('\n')) {
      const start = /^(?:(.+?)\(\d+,\d+\): )?error TS\d+: (.*)$/.exec(line);
      if (start) {
        diagnostics.push({ file: start[1] === undefined ? '(program)' : path.relative(root, path.resolve(root, start[1])), message: start[2] });
      } else if (line.trim() !== '' && diagnostics.length > 0) {
        const last = diagnostics.pop()!;
        diagnostics.push({ ...last, message: `${last.message} ${line.trim()}` });
      }
    }
    return { status: tsc.status, diagnostics };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('a new action kind', () => {
  it('does not compile until the emitter, validation and the simulator handle it, and the list of known kinds has it', () => {
    const { status, diagnostics } = typeCheckWith((dir) => holdAction(importPath(dir, path.join(root, 'flow/actions/action'))));
    expect(status).not.toBe(0);
    expect([...new Set(diagnostics.map((d) => d.file))].sort()).toEqual([
      'flow/actions/action-kinds.ts',
      'flow/archy/emitter.ts',
      'flow/validation.ts',
      'simulator/simulate-call.ts',
    ]);
    for (const d of diagnostics) expect(d.message).toContain("'hold'");
  });
});
