import { listenersOnPort } from "../../observe/listeners-on-port.js";
import type { DoctorContext, Evidence } from "../doctor-context.js";
import { bindAllInterfacesFix } from "../../fixes/bind-fix.js";
import { isLoopbackAddress } from "../../util/loopback.js";
import { hostPort } from "../../util/host-port.js";


export async function checkListening(ctx: DoctorContext): Promise<void> {
  ctx.ran.push({ check: "listeners" });
  const { port } = ctx.target;
  const allocation = ctx.target.allocation;
  // A UDP service's socket sits in the UDP table.
  const snapshot = await ctx.network.local.socketTable.snapshot({ protocol: allocation?.transport ?? "tcp", ports: [port] });
  const listeners = listenersOnPort(snapshot.listeners, port);
  if (listeners.length === 0) {
    const node = ctx.network.thisNode ?? "this machine";
    const start = allocation?.start;
    const args = allocation === null ? { owner: ctx.owner, port, node } : { owner: ctx.owner, port, node, status: allocation.status };
    ctx.add("doctor-nothing-listening", "error", start === undefined ? args : { ...args, start }, {
      evidence: [(seen) => seen.noListener({ port, source: snapshot.source })],
      ...(start === undefined ? {} : { commands: [start] }),
    });
    return;
  }
  const addresses = [...new Set(listeners.map((l) => l.address))];
  if (addresses.every(isLoopbackAddress) && ctx.target.host === null) {
    const pid = listeners.find((l) => l.pid !== undefined)?.pid;
    const commandLine = pid === undefined ? undefined : await ctx.deps.processInfo.commandLine(pid);
    const fix = bindAllInterfacesFix(commandLine, port, ctx.targetOs);
    const evidence = listeners.map((l): Evidence => (seen) => seen.listening(`${l.address}:${port}${l.pid === undefined ? "" : ` PID ${l.pid}`}${l.command === undefined ? "" : ` (${l.command})`}`));
    if (commandLine !== undefined) evidence.push((seen) => seen.commandLine(commandLine));
    const own = ctx.target.node === null ? undefined : ctx.network.hostOf(ctx.target.node);
    // Probe the address other nodes use: the refusal they see, observed.
    if (own !== undefined && ctx.network.remote && !addresses.includes(own)) {
      const probe = await ctx.network.probe(own, port);
      evidence.push((seen) => seen.probe({ target: `${own}:${port}`, state: probe.state }));
    }
    // The summary says what the command alone does not (Redis's protected mode still denies remote clients after --bind).
    // A program the fix table does not know is still named as the socket table shows it (python3.11), not "unknown".
    const program = fix.program !== "unknown" ? fix.program : (listeners.find((l) => l.command !== undefined)?.command ?? fix.program);
    ctx.add("doctor-localhost-only", "error", { owner: ctx.owner, port, addresses, program }, { evidence, commands: fix.commands, fix: fix.summary });
  }
}

/** Probe exactly the address given, as the client does. */
export async function checkGivenAddress(ctx: DoctorContext): Promise<void> {
  const host = ctx.target.host;
  if (host === null || host === "localhost") return;
  const { port } = ctx.target;
  ctx.ran.push({ check: "connect", target: `${host}:${port}`, fromHere: false });
  const probe = await ctx.network.probe(host, port);
  if (probe.state === "open") return;
  const snapshot = await ctx.network.local.socketTable.snapshot({ protocol: "tcp", ports: [port] });
  const listening = [...new Set(listenersOnPort(snapshot.listeners, port).map((l) => l.address))];
  if (listening.length === 0) return; // checkListening has said nothing listens
  ctx.add(
    "doctor-family-mismatch",
    "error",
    { host, port, listening: listening.join(", "), refused: host },
    {
      evidence: [
        (seen) => seen.probe({ target: hostPort(host, port), state: probe.state }),
        ...listening.map((a): Evidence => (seen) => seen.listening(`${a}:${port}`)),
      ],
    },
  );
}

/** `localhost` may resolve to ::1 while the server listens on 127.0.0.1 only, or the reverse. */
export async function checkLocalhostFamilies(ctx: DoctorContext): Promise<void> {
  if (ctx.target.host !== "localhost") return;
  ctx.ran.push({ check: "localhost" });
  const { port } = ctx.target;
  // Not resolved: no query may leave the machine.
  const addresses = ["127.0.0.1", "::1"];
  const results = await Promise.all(addresses.map(async (address) => ({ address, state: (await ctx.network.probe(address, port)).state })));
  const open = results.filter((r) => r.state === "open").map((r) => r.address);
  const refused = results.filter((r) => r.state !== "open").map((r) => r.address);
  if (open.length > 0 && refused.length > 0) {
    ctx.add(
      "doctor-family-mismatch",
      "error",
      { host: "localhost", port, listening: open.join(", "), refused: refused.join(", ") },
      { evidence: results.map((r): Evidence => (seen) => seen.probe({ target: hostPort(r.address, port), state: r.state })) },
    );
  }
}
