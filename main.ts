import { App } from 'cdktf';
import { ENVIRONMENTS, validateConfig } from './config';
import { addEnvironments } from './stacks';
import { applyAspects } from './runtime/synth/apply-aspects';
import { runSynth } from './runtime/synth/synth-runner';
import { installLockFile, readProjectLockFile } from './runtime/synth/terraform-working-files';

// `npx cdktf synth` runs this file: the CLI passes the output folder in CDKTF_OUTDIR. It writes into the
// stack folders in place, so Terraform's working files there stay; only the lock file is replaced.
runSynth(() => {
  // Before the App: its constructor creates the output folder, and bad input must leave nothing behind.
  validateConfig(ENVIRONMENTS);
  const lockFile = readProjectLockFile();
  const app = new App();
  const ids = addEnvironments(app, ENVIRONMENTS).map((s) => s.node.id);
  applyAspects(app);
  app.synth();
  installLockFile(app.outdir, ids, lockFile);
});
