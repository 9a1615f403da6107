import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { FlowCheck, SharedFlow } from '../../constructs';
import { applyAspects } from '../../runtime/synth/apply-aspects';
import { simpleModule } from '../support/fixtures';

// `npx cdktf synth` (main.ts) writes stack folders in place: an error a stack's aspect raises (here the
// flow check's, its construct id taken) must come before the first stack is written.
describe('applyAspects', () => {
  it("raises every stack's aspect errors before app.synth() writes anything", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'apply-aspects-'));
    try {
      const app = new App({ outdir, skipValidation: true });
      for (const id of ['first', 'second']) {
        const stack = new TerraformStack(app, id);
        new SharedFlow(stack, 'Module', simpleModule(`Module ${id}`));
        FlowCheck.attachToStack(stack, { region: 'us-east-1' });
        // The second stack's check cannot be added: its id is taken.
        if (id === 'second') new Construct(stack, 'FlowCheck');
      }
      expect(() => applyAspects(app)).toThrow(/FlowCheck/);
      // No stack written (cdktf may have created the empty folders).
      expect((fs.readdirSync(outdir, { recursive: true }) as string[]).filter((f) => f.endsWith('cdk.tf.json'))).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('runs aspects once in effect: app.synth() afterwards writes each stack with its check', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'apply-aspects-'));
    try {
      const app = new App({ outdir, skipValidation: true });
      const stack = new TerraformStack(app, 'only');
      new SharedFlow(stack, 'Module', simpleModule('Module'));
      FlowCheck.attachToStack(stack, { region: 'us-east-1' });
      applyAspects(app);
      app.synth();
      const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'only', 'cdk.tf.json'), 'utf8'));
      expect(Object.keys(json.resource.terraform_data).filter((k) => k.startsWith('FlowCheck'))).toHaveLength(1);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
