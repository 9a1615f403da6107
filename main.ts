import { App } from 'cdktf';
import { ENVIRONMENTS, validateConfig } from './config';
import { addEnvironments } from './stacks';
import { runSynth } from './tools/synth-runner';

// `npx cdktf synth` runs this file: the CLI passes the output folder in CDKTF_OUTDIR.
runSynth(() => {
  // Before the App: its constructor creates the output folder, and bad input must leave nothing behind.
  validateConfig(ENVIRONMENTS);
  const app = new App();
  addEnvironments(app, ENVIRONMENTS);
  app.synth();
});
