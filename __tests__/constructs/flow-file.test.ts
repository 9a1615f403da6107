import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { GenesyscloudProvider } from '../../.gen/providers/genesyscloud/provider';
import { ConstructError, SharedFlow } from '../../constructs';
import { simpleModule } from '../support/fixtures';

/** Synthesizes `define`'s stack into a temporary folder and returns the stack folder's flow files, by name. */
function synthFlowFiles(define: (stack: TerraformStack) => void): Record<string, string> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-files-'));
  try {
    const app = new App({ outdir: work });
    const stack = new TerraformStack(app, 'files');
    new GenesyscloudProvider(stack, 'Genesys', { awsRegion: 'us-east-1' });
    define(stack);
    app.synth();
    const folder = path.join(work, 'stacks', 'files', 'assets', 'flows');
    return Object.fromEntries(fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

describe('flow files', () => {
  it('every flow of a stack is one file in assets/flows, named after the flow and its content hash', () => {
    let modules: SharedFlow[] = [];
    const files = synthFlowFiles((stack) => {
      modules = [new SharedFlow(stack, 'A', simpleModule('Sales Module', 'One.')), new SharedFlow(stack, 'B', simpleModule('Support Module', 'Two.'))];
    });
    expect(Object.keys(files).sort()).toEqual(modules.map((m) => path.posix.basename(m.publication.asset.path)).sort());
    for (const m of modules) {
      expect(m.publication.asset.path).toBe(`assets/flows/${m.flowName.replace(' ', '-')}.${m.contentHash!.slice(0, 32)}.yaml`);
      expect(files[path.posix.basename(m.publication.asset.path)]).toBe(m.definition.render().yaml);
    }
  });

  it('keeps two flows whose names make the same file name apart', () => {
    const files = synthFlowFiles((stack) => {
      new SharedFlow(stack, 'A', simpleModule('Sales/Module', 'One.'));
      new SharedFlow(stack, 'B', simpleModule('Sales Module', 'Two.'));
    });
    expect(Object.keys(files)).toHaveLength(2);
    expect(Object.keys(files).every((name) => name.startsWith('Sales-Module.'))).toBe(true);
  });

  it('reserves the construct id FlowFiles in a stack with flows (GC2010)', () => {
    const stack = new TerraformStack(new App(), 'files');
    new Construct(stack, 'FlowFiles');
    expect(() => new SharedFlow(stack, 'A', simpleModule('Sales Module'))).toThrow(expect.objectContaining({ code: 'GC2010', path: 'files/FlowFiles' }));
    expect(() => new SharedFlow(stack, 'B', simpleModule('Other'))).toThrow(ConstructError);
  });
});
