// Jest global setup: compile the app once, so tests that run the compiled tools (and the cdktf CLI,
// whose app command rebuilds incrementally) never race each other writing dist/.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = () => {
  const root = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
};
