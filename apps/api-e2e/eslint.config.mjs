import baseConfig, { moduleBoundaries } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The e2e suite boots the API in-process, so it alone may import the API's sources.
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { ...moduleBoundaries, allow: [...moduleBoundaries.allow, '^(\\.\\./)+api/src/'] },
      ],
    },
  },
];
