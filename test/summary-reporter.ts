import type { Reporter, TestCase, TestModule } from "vitest/node";

/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", and under it one
 * "FAILED file > test: first line of the error" line per failure, so a CI log read from its
 * tail names what failed without scrolling back through vitest's own report.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    let passed = 0;
    let skipped = 0;
    const failures: string[] = [];
    for (const module of testModules) {
      const tests = [...module.children.allTests()];
      for (const test of tests) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failures.push(failureLine(module, test));
        else skipped += 1;
      }
      if (module.state() === "failed" && tests.length === 0) {
        const error = module.errors()[0];
        failures.push(`FAILED ${module.moduleId}: ${firstLine(error?.message)}`);
      }
    }
    const lines = [`tests: ${passed} passed, ${failures.length} failed, ${skipped} skipped`, ...failures];
    process.stdout.write(`\n${lines.join("\n")}\n`);
  }
}

function failureLine(module: TestModule, test: TestCase): string {
  const result = test.result();
  const error = result.state === "failed" ? result.errors[0] : undefined;
  return `FAILED ${module.relativeModuleId} > ${test.fullName}: ${firstLine(error?.message)}`;
}

function firstLine(text: string | undefined): string {
  return (text ?? "(no message)").split("\n")[0]?.slice(0, 300) ?? "";
}
