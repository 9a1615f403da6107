import { App } from 'cdktf';
import { ENVIRONMENTS } from './config';
import { addEnvironments } from './stacks';
import { runSynth } from './tools/synth-runner';

// `npx cdktf synth` runs this file: the CLI passes the output folder in CDKTF_OUTDIR.
runSynth(() => {
  const app = new App();
  addEnvironments(app, ENVIRONMENTS);
  app.synth();
});
