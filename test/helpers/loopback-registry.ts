/**
 * A registry whose nodes stand on loopback, `here` 127.0.0.1 and `other` 127.0.0.2 (and `third` 127.0.0.3), team B
 * owning every unprivileged port, `services` the lines under `services:`: what the serve and Prometheus tests probe.
 */
export function loopbackRegistry(options: { third?: boolean; environments: Readonly<Record<string, number>>; services: readonly string[] }): string {
  const environments = Object.entries(options.environments).map(([name, offset]) => `  ${name}: {offset: ${offset}}`);
  return [
    "version: 1",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux}",
    "  other: {address: 127.0.0.2, os: linux}",
    ...(options.third === true ? ["  third: {address: 127.0.0.3, os: linux}"] : []),
    "teams:",
    "  B: {name: Team B, ranges: [{name: main, from: 1024, to: 65535}]}",
    ...(environments.length === 0 ? ["environments: {}"] : ["environments:", ...environments]),
    "services:",
    ...options.services,
    "",
  ].join("\n");
}
