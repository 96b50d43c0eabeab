/** Type checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/handlers', '<rootDir>/detections', '<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 30000,
  // Each test file loads the AWS SDK, Bolt and the handlers afresh, and not all of it is freed; a
  // worker that has grown past this is replaced between files, so the whole suite never runs out of heap.
  // (Setting it also makes jest use a worker when it would otherwise run everything in one process.)
  workerIdleMemoryLimit: '1536MB',
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
};
