// The rules worker when the API runs from its TypeScript sources (tests, ts-node): compiles
// rules.worker.ts on the fly. The built server runs dist/apps/api/rules-worker.js instead.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const project = join(__dirname, '../../tsconfig.app.json');
require('ts-node').register({ transpileOnly: true, project });
require('tsconfig-paths').register({
  baseUrl: join(__dirname, '../../../..'),
  paths: JSON.parse(readFileSync(join(__dirname, '../../../../tsconfig.base.json'), 'utf8'))
    .compilerOptions.paths,
});
module.exports = require('./rules.worker.ts');
