const TEST_FOLDER = /(?:^|\/)(?:tests?|__tests__|spec|e2e|fixtures?|__fixtures__|testdata)\//;
const TEST_FILE = /(?:\.(?:test|spec)\.[^/]+|_test\.[^/.]+|(?:^|\/)test_[^/]+\.py|(?:^|\/)conftest\.py)$/;

/** Test trees: `tests/`, `__tests__/`, fixtures, `*.test.*`, `*_test.*`, pytest's `test_*.py`. Paths use "/". */
export function isTestPath(file: string): boolean {
  return TEST_FOLDER.test(file) || TEST_FILE.test(file);
}
