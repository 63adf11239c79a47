module.exports = {
  displayName: 'embedded-mongo',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // servers on disk and in child processes: generous on a shared 2-core machine (never a speed assertion)
  testTimeout: 30_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/libs/embedded-mongo',
};
