import type { CommandRunner } from "../io/command-runner.js";

// A getaddrinfo in this process cannot be cancelled and keeps the event loop alive until the resolver gives up (10-30 s
// with a silent nameserver), long after the answer is printed. The system resolver (hosts file, search domains, mDNS)
// runs in a child Node instead, killed at the timeout.
const SCRIPT = `require("node:dns").lookup(process.argv[1], { all: true }, (error, entries) => {
  process.stdout.write(JSON.stringify(error ? { code: error.code ?? "ENOTFOUND" } : { addresses: entries.map((e) => e.address) }));
});`;

function parseAnswer(stdout: string): string[] {
  const answer: unknown = JSON.parse(stdout);
  if (typeof answer === "object" && answer !== null && "addresses" in answer && Array.isArray(answer.addresses)) {
    return answer.addresses.filter((a): a is string => typeof a === "string");
  }
  const code = typeof answer === "object" && answer !== null && "code" in answer && typeof answer.code === "string" ? answer.code : "ENOTFOUND";
  throw Object.assign(new Error(`lookup failed: ${code}`), { code });
}

/** The addresses of a host name, as the system resolves them; rejects with code ETIMEOUT when the resolver does not answer in time. */
export async function systemLookup(host: string, timeoutMs: number, runner?: CommandRunner): Promise<string[]> {
  const run = runner ?? (await import("../io/command-runner.js")).nodeCommandRunner;
  // `--` ends Node's options: a name starting with "-" is the script's argument.
  const result = await run.run(process.execPath, ["-e", SCRIPT, "--", host], { timeoutMs: Math.max(Math.ceil(timeoutMs), 1) });
  if (result.code === null || result.stdout === "") {
    throw Object.assign(new Error(`lookup of ${host} did not finish`), { code: result.code === null ? "ETIMEOUT" : "ENOTFOUND" });
  }
  return parseAnswer(result.stdout);
}
