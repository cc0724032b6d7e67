// Lint: typescript-eslint with type information, plus the layering rules of STYLE.md.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'bench/results/**', 'tests/artifacts/**', '.cache/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.mjs'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Nest's dependency injection reads constructor parameter types at run time: they must stay value imports.
    files: ['apps/api/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*', 'mongoose', 'react', 'react-dom', 'socket.io', 'express'], message: 'libs/shared is framework-free: no Nest, mongoose, React or socket.io.' }] }],
    },
  },
  {
    files: ['apps/web/src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**'], message: 'ui/ is display-only and never imports features/.' }] }] },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.repository.ts', 'apps/api/src/**/*.model.ts', 'apps/api/src/**/*.module.ts', 'apps/api/src/app.module.ts', 'apps/api/src/create-app.ts', 'apps/api/src/infra/**'],
    rules: {
      // Ids may be made anywhere; queries belong to repositories.
      'no-restricted-imports': ['error', { paths: [{ name: 'mongoose', importNames: ['default', 'model', 'Model', 'connect', 'connection', 'Schema'], allowTypeImports: true, message: 'Only repositories and models talk to mongoose.' }] }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.test.tsx', 'tests/**/*.ts', 'apps/api/test/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off', 'no-restricted-imports': 'off' },
  },
);
