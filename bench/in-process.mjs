// In-process timings through tinybench (warm-up, then a fixed number of
// iterations); child-process timings are in harness.mjs.
import { Bench } from "tinybench";

/** Run `tasks` ({name, fn}) and return {name, median, min, max, samples} per task, in ms. */
export async function benchInProcess(tasks, { iterations = 5, warmupIterations = 1 } = {}) {
  const bench = new Bench({ iterations, warmupIterations, time: 0, warmupTime: 0 });
  for (const task of tasks) bench.add(task.name, task.fn);
  await bench.run();
  return bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== "completed") throw new Error(`${task.name}: ${result.state}${result.error ? `: ${result.error.message}` : ""}`);
    return { name: task.name, median: result.latency.p50, min: result.latency.min, max: result.latency.max, samples: result.latency.samplesCount ?? iterations };
  });
}
