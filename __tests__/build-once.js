// Jest global setup: bring dist/ up to date once (scripts/build.js rebuilds only what is stale: tsc and
// each esbuild bundle only when their inputs changed), so tests that run the compiled tools, synthesize
// flow checks or start the cdktf CLI never race each other writing dist/.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = () => {
  // Read by the global teardown: temp folders created from now on belong to this run.
  globalThis.__TEST_RUN_STARTED__ = Date.now() - 1000;
  execFileSync(process.execPath, [path.resolve(__dirname, '..', 'scripts', 'build.js')], { stdio: 'inherit' });
};
