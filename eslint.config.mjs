// `npm run lint`: ESLint with typescript-eslint's recommended rules, formatting left to Prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Generated bindings, build and synth output, and workflows of the past kept as test fixtures.
  { ignores: ['node_modules/', 'dist/', 'cdktf.out/', '.gen/', 'coverage/', '__tests__/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a binding kept on purpose (a destructured field left out of a rest object).
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // CommonJS by design: the build script runs before anything is compiled, jest reads its config as is.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['__tests__/**'],
    languageOptions: { globals: { ...globals.jest } },
    // Tests read synthesized JSON, plans and API answers whose shape is what they assert, and require
    // compiled tools and fresh module graphs at run time (after the build, inside jest.isolateModules).
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
