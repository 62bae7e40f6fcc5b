// Sums the Jest result files every project wrote during `npm test` into one closing line.
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const RESULTS_DIR = path.join(__dirname, '../../tmp/test-results');

if (process.argv[2] === '--reset') {
  // Jest's --outputFile does not create folders: leave an empty one for this run's results.
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  process.exit(0);
}

const files = existsSync(RESULTS_DIR)
  ? readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json'))
  : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const result = JSON.parse(readFileSync(path.join(RESULTS_DIR, file), 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + (result.numTodoTests ?? 0);
}
console.log(`\n${files.length} test projects`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(files.length > 0 && failed === 0 ? 0 : 1);
