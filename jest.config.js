/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/__tests__/build-once.js',
  globalTeardown: '<rootDir>/__tests__/clean-testing-outdirs.js',
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  // Synth-level tests build whole stacks; keep a generous per-test budget on a 2-core machine.
  testTimeout: 60000,
  // Jest's default on 2 cores is one worker; most test time is spent waiting on child processes, the
  // emulator and Terraform, so three workers use both cores (measured: 219 s -> ~95 s for the suite).
  maxWorkers: 3,
};
