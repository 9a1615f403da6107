// Jest global teardown: cdktf's Testing helpers create a `cdktf.outdir.*` folder in the temp directory
// for every app and never remove it. Remove the ones this run created, so CI machines do not fill up.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
  const since = globalThis.__TEST_RUN_STARTED__ ?? 0;
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith('cdktf.outdir.')) continue;
    const dir = path.join(tmp, name);
    try {
      if (fs.statSync(dir).mtimeMs >= since) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Already gone, or not ours to remove.
    }
  }
};
