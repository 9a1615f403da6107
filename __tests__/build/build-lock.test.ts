import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import { PIPELINE_INPUT, useBuildCopy } from './build-copy';

// scripts/build.js in its own temporary copy of the project (see build-copy.ts): the lock, and a build
// killed half-way. The copy compiles with @types/node (`slowTsc`), so tsc runs long enough to be killed.

const copy = useBuildCopy({ slowTsc: true });

describe('scripts/build.js (in a temporary copy of the project)', () => {
  it('waits while a live process holds the lock, takes over a lock whose process is gone', async () => {
    const { build, file, project } = copy;
    const lock = file('dist/.build.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid }));
    let done = false;
    const waiting = build().then((b) => ((done = true), b));
    await new Promise((r) => setTimeout(r, 1000));
    expect(done).toBe(false);
    fs.rmSync(lock);
    expect(await waiting).toMatchObject({ code: 0, stderr: '' });

    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => gone.on('close', r));
    fs.writeFileSync(lock, JSON.stringify({ pid: gone.pid }));
    expect(await build()).toMatchObject({ code: 0, stderr: '' });
    expect(fs.existsSync(lock)).toBe(false);

    // A live holder older than any build (its pid reused after a SIGKILL?): waits, and says so at once
    // (the lock is released as soon as the message is out; the build then ends with code 0).
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, since: new Date(Date.now() - 25 * 60_000).toISOString() }));
    const old = spawn(process.execPath, [file('scripts/build.js')], { cwd: project });
    let stderr = '';
    const told = new Promise<void>((resolve) =>
      old.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('\n')) resolve();
      }),
    );
    const code = new Promise((r) => old.on('close', r));
    await Promise.race([told, code]);
    const stillWaiting = old.exitCode === null;
    fs.rmSync(lock, { force: true });
    expect(await code).toBe(0);
    expect(stillWaiting).toBe(true);
    expect(stderr).toMatch(
      new RegExp(
        `^build: waiting for another build \\(pid ${process.pid}, dist/\\.build\\.lock\\); it has held the lock for 25 minutes, longer than a build takes: if pid ${process.pid} is not a build, delete dist/\\.build\\.lock$`,
        'm',
      ),
    );
  });

  it('SIGTERM while tsc runs: tsc is killed too, the lock released, and the step runs again next time', async () => {
    const { build, edit, file, project, stamp } = copy;
    edit(PIPELINE_INPUT, (t) => `${t}\n// edited again by the build test\n`);
    const child = spawn(process.execPath, [file('scripts/build.js')], { cwd: project, stdio: 'ignore' });
    const tscPids = () =>
      execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(child.pid)], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.includes('tsc'))
        .map((l) => Number(l.trim().split(/\s+/)[0]));
    let pids: number[] = [];
    for (let i = 0; i < 100 && !pids.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        pids = tscPids();
      } catch {
        /* ps exits 1 when there is no child yet */
      }
    }
    expect(pids).toHaveLength(1);
    const closed = new Promise((r) => child.on('close', (code, signal) => r({ code, signal })));
    child.kill('SIGTERM');
    expect(await closed).toEqual({ code: 128 + 15, signal: null });
    // Gone, or a zombie its new parent has not reaped yet.
    const alive = (pid: number) => {
      try {
        return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    // Dead at once (tsc needs more than a second here to check and emit, and it never did).
    for (let i = 0; i < 10 && alive(pids[0]); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pids[0])).toBe(false);
    expect(fs.readFileSync(file('dist/config/closest.js'), 'utf8')).not.toContain('edited again by the build test');
    expect(fs.existsSync(file('dist/.build.lock'))).toBe(false);
    expect(stamp().steps.tsc.failed).toBe(true);
    const next = await build();
    expect(next).toMatchObject({ code: 0, failed: [] });
    expect(next.stderr).toMatch(/^build: tsc \(failed or interrupted last time\)/m);
    expect((await build()).stderr).toBe('');
  });
});
