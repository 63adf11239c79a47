module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  setupFiles: ['<rootDir>/src/support/test-env.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        astTransformers: { before: ['<rootDir>/../../tools/jest/swagger-transformer.cjs'] },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 30000,
  coverageDirectory: '../../coverage/apps/api-e2e',
};
