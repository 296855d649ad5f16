import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Only server/store talks to the database; only server/voice to LiveKit. */
const DATABASE = ['kysely', 'pg', 'better-sqlite3'];
const SERVER_PATHS = [
  ...DATABASE.map((name) => ({ name, message: 'Only server/store talks to the database (Kysely repositories).' })),
  { name: 'livekit-server-sdk', message: 'Only server/voice talks to LiveKit, and it hands out no SDK client.' },
];
const SERVER_PATTERNS = [{ group: ['**/client/**'], message: 'The server never imports the client.' }];
const CLIENT_NOT_SERVER = { group: ['**/server/**'], message: 'The client never imports the server.' };
const SCENE_PORTS = 'scene/ and xr/ read state stores and send through client/state ports (intents.ts, world.ts); only net/ talks to the server and only voice/ to LiveKit.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', 'data/**', 'test-results/**', 'playwright-report/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { projectService: false, project: false }, globals: { console: 'readonly', process: 'readonly' } } },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/client/**', '**/server/**'], message: 'shared/ is the contract: it imports nothing from client/ or server/.' },
        { group: ['node:*', 'fs', 'path', 'http', 'react', 'three'], message: 'shared/ is pure TypeScript: no DOM, Node or rendering APIs.' },
      ] }],
    },
  },
  // Boundaries (STYLE.md): each folder may import only what its job needs.
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: SERVER_PATHS, patterns: SERVER_PATTERNS }] },
  },
  {
    files: ['server/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: SERVER_PATHS.filter((p) => !DATABASE.includes(p.name)), patterns: SERVER_PATTERNS }] },
  },
  {
    files: ['server/voice/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: SERVER_PATHS.filter((p) => p.name !== 'livekit-server-sdk'), patterns: SERVER_PATTERNS }] },
  },
  {
    files: ['server/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: SERVER_PATHS, patterns: [...SERVER_PATTERNS,
      { group: ['@colyseus/*', 'colyseus.js'], message: 'server/domain holds the rules as plain functions: no Colyseus (rooms register handlers and write schema).' },
      { group: ['**/store/**', '**/rooms/**', '**/voice/**', '**/http/**'], message: 'server/domain is functions of state and intent: no store, rooms, voice or HTTP.' },
    ] }] },
  },
  {
    files: ['server/rooms/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: SERVER_PATHS, patterns: [...SERVER_PATTERNS,
      { group: ['**/testing/**', 'vitest', 'colyseus.js', '@colyseus/testing'], message: 'Test helpers live in server/testing, not in server/rooms.' },
    ] }] },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CLIENT_NOT_SERVER] }] },
  },
  {
    files: ['client/scene/**/*.{ts,tsx}', 'client/xr/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'livekit-client', message: SCENE_PORTS }, { name: 'colyseus.js', message: SCENE_PORTS }], patterns: [
      CLIENT_NOT_SERVER,
      { group: ['**/net/**', '**/voice/**', '!**/ui/voice/**'], message: SCENE_PORTS },
    ] }] },
  },
);
