import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**', 'packages/dashboard/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', __dirname: 'readonly', module: 'writable' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      // `import x = require()` is TypeScript's CommonJS import; tests use it to spy on a module's own exports.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
    },
  },
  {
    // Feature modules reach the database only through the request context (see DESIGN.md, Architecture).
    files: ['packages/core/src/modules/**/*.ts'],
    ignores: ['**/__tests__/**', 'packages/core/src/modules/audit/audit.chain.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='getRepository']",
          message: 'Use ctx.repo() or ctx.owned(): repositories come from the request context.',
        },
        {
          selector: "CallExpression[callee.property.name='createQueryRunner']",
          message: "Queries run in the request's unit of work.",
        },
      ],
    },
  },
);
