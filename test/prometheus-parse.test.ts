import { describe, expect, it } from "vitest";
import { prometheusDurationMs } from "../src/observe/prometheus/prometheus-api.js";
import { parsePrometheusText } from "../src/observe/parse/prometheus-text.js";

describe("parsePrometheusText (a node's serve /metrics)", () => {
  it("reads samples with escaped label values, and passes over comments and lines that are no sample", () => {
    const text = [
      "# HELP sparkport_service_bind_scope 1 for each scope the service's port is bound on.",
      "# TYPE sparkport_service_bind_scope gauge",
      'sparkport_service_bind_scope{service="api",environment="",node="other",port="8000",scope="loopback"} 1',
      'sparkport_service_holder_info{service="api",port="8000",pid="42",program="say \\"hi\\"\\\\ \\nnow"} 1 1700000000000',
      "sparkport_socket_scan_duration_seconds 0.004",
      "up NaN",
      'broken{service="api" 1',
      "not a sample line",
      "",
    ].join("\n");
    expect(parsePrometheusText(text)).toEqual([
      { name: "sparkport_service_bind_scope", labels: { service: "api", environment: "", node: "other", port: "8000", scope: "loopback" }, value: 1 },
      { name: "sparkport_service_holder_info", labels: { service: "api", port: "8000", pid: "42", program: 'say "hi"\\ \nnow' }, value: 1 },
      { name: "sparkport_socket_scan_duration_seconds", labels: {}, value: 0.004 },
      { name: "up", labels: {}, value: Number.NaN },
    ]);
  });
});

describe("prometheusDurationMs (a job's scrape interval)", () => {
  it("reads Prometheus's units and compound durations; anything else is undefined", () => {
    expect([prometheusDurationMs("1s"), prometheusDurationMs("15s"), prometheusDurationMs("1m30s"), prometheusDurationMs("500ms"), prometheusDurationMs("1h")]).toEqual([
      1000, 15_000, 90_000, 500, 3_600_000,
    ]);
    expect([prometheusDurationMs(""), prometheusDurationMs("15"), prometheusDurationMs("1.5s"), prometheusDurationMs("0s")]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
