/**
 * CallData and DataTableLookup are typed by their data action's contract and their table's fields: a
 * missing or unknown input, an unknown output or field, or a value of another type does not compile
 * (validation reports the same for JavaScript callers: call-data.test.ts, data-table-lookup.test.ts).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

/** Each misuse is marked `@ts-expect-error`: tsc fails on one that compiles (an unused directive) and on any other error. */
const USES = (flow: string) => `
import { Builtin, CallData, DataTableLookup, Expr, Variable, dataActionNamed, dataTableNamed } from '${flow}';
const lookup = dataActionNamed('CRM', 'Lookup', { inputs: { phone: 'string', region: 'string' }, outputs: { tier: 'string', balance: 'integer' } });
const inputs = { phone: Builtin.callAni, region: Expr.string('EU') };
export const fine = new CallData('Fine', { action: lookup, inputs, outputs: { balance: Variable.integer('Flow.Balance') } });
// @ts-expect-error a contract input is missing
export const missing = new CallData('Missing', { action: lookup, inputs: { phone: Builtin.callAni } });
// @ts-expect-error an input the contract does not have
export const unknownInput = new CallData('Unknown', { action: lookup, inputs: { ...inputs, country: Expr.string('DE') } });
// @ts-expect-error an input of another type
export const wrongInput = new CallData('Wrong', { action: lookup, inputs: { ...inputs, region: Expr.integer(1) } });
// @ts-expect-error an output the contract does not have
export const unknownOutput = new CallData('Unknown out', { action: lookup, inputs, outputs: { score: Variable.string('Flow.S') } });
// @ts-expect-error an output read into a variable of another type
export const wrongOutput = new CallData('Wrong out', { action: lookup, inputs, outputs: { balance: Variable.string('Flow.S') } });
const branches = dataTableNamed('Branches', { queue: 'string' });
export const found = new DataTableLookup('Found', { table: branches, key: Expr.string('B1'), outputs: { queue: Variable.string('Flow.Q') } });
// @ts-expect-error a field the table does not have
export const unknownField = new DataTableLookup('Unknown field', { table: branches, key: Expr.string('B1'), outputs: { city: Variable.string('Flow.C') } });
// @ts-expect-error a key that is not a string
export const integerKey = new DataTableLookup('Integer key', { table: branches, key: Expr.integer(1) });
`;

describe('data action contracts and table fields at compile time', () => {
  it('reject a missing or unknown input, an unknown output or field, and a value of another type', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-contract-'));
    try {
      const flow = path.relative(dir, path.join(root, 'flow')).split(path.sep).join('/');
      fs.writeFileSync(path.join(dir, 'uses.ts'), USES(flow));
      const tsconfig = {
        extends: path.join(root, 'tsconfig.json'),
        compilerOptions: { noEmit: true, incremental: false, rootDir: path.parse(root).root, typeRoots: [path.join(root, 'node_modules/@types')] },
        include: [],
        files: [path.join(dir, 'uses.ts')],
      };
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
      const tsc = spawnSync(
        process.execPath,
        [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.json'), '--pretty', 'false'],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      expect(tsc.stdout).toBe('');
      expect(tsc.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
