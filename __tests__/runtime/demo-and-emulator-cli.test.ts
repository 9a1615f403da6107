import { spawn, spawnSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

describe('npm run demo (compiled)', () => {
  it('publishes the dev flows into the emulator, passes the checks, then catches an Architect edit', () => {
    const run = spawnSync(process.execPath, ['dist/tools/demo.js'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120000,
      env: { ...process.env, GENESYSCLOUD_OAUTHCLIENT_SECRET: '' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // A successful import job carries no message (job message types are Error and Warning only): the
    // publication shows in the check's own report of the published version.
    expect(run.stdout).toContain("COMMONMODULE 'DEV Shared PIN Auth': published version 1.0 matches the synthesized flow");
    expect(run.stdout).toContain("Created IVR 'DEV Sales IVR'.");
    expect(run.stdout).toContain("INBOUNDCALL 'DEV Support IVR': published version 1.0 matches the synthesized flow");
    expect(run.stdout).toMatch(/INBOUNDCALL 'DEV Sales IVR': embeds an older version of 'DEV Shared PIN Auth'/);
    expect(run.stdout).toContain('inputAudio > tts: expected "Please enter your four digit PIN.", published "Enter your PIN now!"');
    expect(run.stdout).toContain('demo complete');
    expect(run.stdout).not.toContain('demo-secret-not-real');
  }, 120000);
});

describe('npm run emulator (compiled)', () => {
  it('serves the API on the given port and answers unauthenticated calls with 401', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, ['dist/emulator/main.js', '--port', String(port)], { cwd: root });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => String(d).includes('emulator on') && resolve());
        child.on('exit', (code) => reject(new Error(`emulator exited ${code}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/api/v2/organizations/me`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'bad.credentials', status: 401 });
    } finally {
      child.kill('SIGTERM');
    }
  }, 30000);
});
