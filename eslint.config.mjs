import nx from '@nx/eslint-plugin';

const serverOnly = ['@nestjs/*', 'mongoose', 'mongodb', 'argon2', '@aws-sdk/*', '@mistralai/*', 'busboy', 'passport*'];
const browserOnly = ['@angular/*', 'ng2-charts', 'chart.js'];

/** Options of `@nx/enforce-module-boundaries`; apps/api-e2e extends `allow` to reach the API's sources. */
export const moduleBoundaries = {
  enforceBuildableLibDependency: true,
  allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
  // the API imports the library's light `host` entry statically and its engine lazily (in-memory mode only)
  checkDynamicDependenciesExceptions: ['@cloudvault/embedded-mongo/host'],
  depConstraints: [
    {
      sourceTag: 'scope:web',
      onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
      bannedExternalImports: serverOnly,
    },
    {
      sourceTag: 'scope:api',
      onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
      bannedExternalImports: browserOnly,
    },
    {
      sourceTag: 'scope:shared',
      onlyDependOnLibsWithTags: ['scope:shared'],
      bannedExternalImports: [...serverOnly, ...browserOnly, '@nestjs/swagger'],
    },
  ],
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/tmp', '**/test-output', '**/coverage'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // `const { dropped, ...kept } = x` is how a field is left out of a copy
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Type-aware rules: each file is checked with the types of the tsconfig that owns it.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
];
