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
export async function systemLookup(host: string, timeoutMs: number): Promise<string[]> {
  const { execFile } = await import("node:child_process");
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["-e", SCRIPT, "--", host],
      { timeout: Math.max(Math.ceil(timeoutMs), 1), killSignal: "SIGKILL", windowsHide: true, encoding: "utf8", shell: false, env: { ...process.env, NODE_OPTIONS: "" } },
      (error, stdout) => {
        if (error !== null && stdout === "") {
          reject(Object.assign(new Error(`lookup of ${host} did not finish`), { code: error.killed ? "ETIMEOUT" : "ENOTFOUND" }));
          return;
        }
        try {
          resolve(parseAnswer(stdout));
        } catch (parseError) {
          reject(parseError);
        }
      },
    );
    // Never what keeps sparkport running: the probe's own timer decides when to give up.
    child.unref();
  });
}
