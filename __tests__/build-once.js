// Jest global setup: build the app (tsc + the bundled flow-check handler) once, so tests that run the
// compiled tools, synthesize flow checks or start the cdktf CLI never race each other writing dist/.
const { execSync } = require('child_process');
const path = require('path');

module.exports = () => {
  // Read by the global teardown: temp folders created from now on belong to this run.
  globalThis.__TEST_RUN_STARTED__ = Date.now() - 1000;
  execSync('npm run build --silent', { cwd: path.resolve(__dirname, '..'), stdio: 'inherit' });
};
