import { errorCode } from "../../io/file-system.js";
import type { DoctorContext } from "../doctor-context.js";
import { dockerLoopbackFix } from "../../fixes/docker-loopback-fix.js";
import { parseDockerPs, type DockerContainer } from "../../observe/parse/docker-ps.js";
import { isLoopbackAddress } from "../../util/loopback.js";
import { doctorWords } from "../../words/doctor-words.js";
import { hostPort } from "../../util/host-port.js";

async function dockerPs(ctx: DoctorContext): Promise<DockerContainer[] | string> {
  try {
    const run = await ctx.deps.runner.run("docker", ["ps", "--format", "{{json .}}"], { timeoutMs: 5_000 });
    if (run.code !== 0) return run.stderr.trim().split("\n")[0] || doctorWords().skipped.dockerExited(String(run.code));
    return parseDockerPs(run.stdout);
  } catch (error) {
    const skipped = doctorWords().skipped;
    return errorCode(error) === "ENOENT" ? skipped.noDocker : skipped.dockerFailed(errorCode(error) ?? "error");
  }
}

export async function checkDocker(ctx: DoctorContext): Promise<void> {
  const containers = await dockerPs(ctx);
  if (typeof containers === "string") {
    ctx.add("doctor-check-skipped", "info", { check: doctorWords().skipped.docker, reason: containers });
    return;
  }
  ctx.ran.push({ check: "docker-ps" });
  const { port } = ctx.target;
  for (const container of containers) {
    const published = container.ports.filter((p) => p.hostPort === port);
    if (published.length === 0 || !published.every((p) => p.hostIp !== null && isLoopbackAddress(p.hostIp))) continue;
    const hostIp = published[0]?.hostIp ?? "127.0.0.1";
    const fix = dockerLoopbackFix(`${hostPort(hostIp, port)}:${published[0]?.containerPort ?? port}`);
    ctx.add("doctor-docker-loopback", "error", { container: container.name, port, hostIp, replacement: fix.replacement }, {
      evidence: [() => `docker ps: ${container.name} ${published.map((p) => `${p.hostIp ?? ""}:${p.hostPort ?? ""}->${p.containerPort}/${p.protocol}`).join(", ")}`],
      commands: fix.commands,
    });
  }
}

export async function dockerHolder(ctx: DoctorContext, port: number): Promise<void> {
  const containers = await dockerPs(ctx);
  if (typeof containers === "string") return;
  for (const container of containers) {
    const published = container.ports.filter((p) => p.hostPort === port);
    if (published.length === 0) continue;
    ctx.add("doctor-docker-holder", "error", {
      port,
      container: container.name,
      published: published.map((p) => `${p.hostIp ?? "*"}:${p.hostPort ?? ""}->${p.containerPort}/${p.protocol}`).join(", "),
    });
  }
}
