import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Nest reads constructor and parameter types at runtime (emitDecoratorMetadata): DI tokens and the
    // ValidationPipe's DTO classes must stay value imports, so tell consistent-type-imports about it.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
];
