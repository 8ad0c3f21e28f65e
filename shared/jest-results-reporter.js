// Writes each package's totals to <repo>/.cache/jest-results/<package>.json so that
// scripts/summary.mjs can print one closing line for the whole run.
const fs = require('node:fs');
const path = require('node:path');

class ResultsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const repo = path.resolve(__dirname, '..');
    const dir = path.join(repo, '.cache', 'jest-results');
    fs.mkdirSync(dir, { recursive: true });
    const name = path.relative(repo, this.rootDir).replace(/[\\/]/g, '_') || 'root';
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    fs.writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({ numPassedTests, numFailedTests, numPendingTests, numTodoTests }),
    );
  }
}
module.exports = ResultsReporter;
