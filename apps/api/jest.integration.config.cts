/* Integration tests: the real migrations on a real PostgreSQL (DATABASE_URL, or an embedded one). */
const ESM_ONLY = '/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$';
const ESM_TO_COMMONJS = {
  babelrc: false,
  configFile: false,
  plugins: ['@babel/plugin-transform-modules-commonjs'],
};

module.exports = {
  displayName: 'api-integration',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  transform: {
    // openid-client and its libraries are ES modules only: jest's CommonJS loader gets them converted
    [ESM_ONLY]: ['babel-jest', ESM_TO_COMMONJS],
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  // tools/test-data is plain CommonJS, loaded as it is
  transformIgnorePatterns: [
    '/node_modules/(?!(openid-client|oauth4webapi|jose)/)',
    '/tools/test-data/',
  ],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
