// Tests run in UTC so date handling does not depend on the machine's time zone.
process.env.TZ = 'UTC';

const ESM_ONLY = '/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$';
const ESM_TO_COMMONJS = {
  babelrc: false,
  configFile: false,
  plugins: ['@babel/plugin-transform-modules-commonjs'],
};

module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    // openid-client and its libraries are ES modules only: jest's CommonJS loader gets them converted
    [ESM_ONLY]: ['babel-jest', ESM_TO_COMMONJS],
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api',
};
