import { describe, expect, it } from "vitest";
import type { PortReference } from "../src/project/port-reference.js";
import { portsInValue } from "../src/project/ports-in-value.js";
import { scanEnvFile } from "../src/project/scan-env-file.js";

const brief = (r: PortReference): string => `${r.line}:${r.column} ${r.key ?? ""} ${r.host ?? "-"} ${r.port}`;

describe("scanEnvFile", () => {
  it("reads bare ports, host:port, URLs of any scheme and JSON lists", () => {
    const text = [
      "# a comment line",
      "APP_PORT=8000",
      "export DATABASE_URL=postgresql+psycopg2://u:p@100.123.51.5:5432/db",
      "REDIS_URL='redis://:pw@100.123.51.5:6379/0'",
      'MINIO_ENDPOINT="100.123.51.5:9000" # the Mac mini',
      'CORS_ORIGINS=["http://localhost:3000", "http://100.101.68.23:3000"]',
      "ALLOWED=localhost:3000,db:5432",
      "V6=http://[::1]:8080/x",
      "MONGO=mongodb://admin:s3cr@t@mongo1:27017,mongo2:27018/app?replicaSet=rs0",
      "",
    ].join("\n");
    const { references, problems } = scanEnvFile(text, ".env");
    expect(problems).toEqual([]);
    expect(references.map(brief)).toEqual([
      "2:10 APP_PORT - 8000",
      "3:60 DATABASE_URL 100.123.51.5 5432",
      "4:37 REDIS_URL 100.123.51.5 6379",
      "5:30 MINIO_ENDPOINT 100.123.51.5 9000",
      "6:33 CORS_ORIGINS localhost 3000",
      "6:62 CORS_ORIGINS 100.101.68.23 3000",
      "7:19 ALLOWED localhost 3000",
      "7:27 ALLOWED db 5432",
      "8:17 V6 ::1 8080",
      "9:37 MONGO mongo1 27017",
      "9:50 MONGO mongo2 27018",
    ]);
    for (const r of references) expect(text.slice(r.offset, r.offset + r.length)).toBe(String(r.port));
    expect(references.map((r) => r.kind)).toEqual(Array.from({ length: 11 }, () => "env"));
    expect(references[2]?.text).toBe("'redis://:pw@100.123.51.5:6379/0'");
    expect(references[3]?.text).toBe('"100.123.51.5:9000"');
  });

  it("counts a bare number only under a key that names a port", () => {
    const text = "PORT=3000\nPGPORT=5432\napiPort=4000\nVITE_PORT='5173'\nREPORT=5\nVIEWPORT=1024\nTIMEOUT=3000\nPORT_COUNT=4\nMAX_PORT=99999\n";
    expect(scanEnvFile(text, "x.env").references.map(brief)).toEqual(["1:6 PORT - 3000", "2:8 PGPORT - 5432", "3:9 apiPort - 4000", "4:12 VITE_PORT - 5173"]);
  });

  it("takes no times, versions or paths for host:port", () => {
    const text = [
      "TIME=10:30",
      "RATIO=1.5:20",
      "DB_IMAGE=postgres:16",
      "CACHE=redis:7-alpine",
      "PATH_LIKE=/srv/a:80",
      "URL_NO_PORT=https://example.com/x",
      "THREE=127.0.0.1:5432:5432",
      // A compose service name and a port look like an image and a tag: only the key tells them apart.
      "UPSTREAM=nginx:80",
    ].join("\n");
    expect(scanEnvFile(text, ".env").references.map(brief)).toEqual(["8:16 UPSTREAM nginx 80"]);
  });

  it("handles CRLF, spaces around =, `KEY: value`, inline comments and # inside values", () => {
    const text = "A_PORT = 8000 # comment\r\nB_URL=http://h:81/#frag\r\nC: http://c:82\r\nD_URL=http://d:83#not-a-comment\r\n";
    const { references } = scanEnvFile(text, ".env");
    expect(references.map(brief)).toEqual(["1:10 A_PORT - 8000", "2:16 B_URL h 81", "3:13 C c 82", "4:16 D_URL d 83"]);
    expect(references.map((r) => r.text)).toEqual(["8000", "http://h:81/#frag", "http://c:82", "http://d:83#not-a-comment"]);
  });

  it("reads quoted values that span lines, and a value after a BOM", () => {
    const text = '\uFEFFFIRST_PORT=1234\nCERT="-----BEGIN-----\nhttp://inside:9999\n-----END-----"\nAFTER_PORT=4321\n';
    expect(scanEnvFile(text, ".env").references.map(brief)).toEqual(["1:12 FIRST_PORT - 1234", "3:15 CERT inside 9999", "5:12 AFTER_PORT - 4321"]);
  });

  it("reports lines that are not assignments and unclosed quotes, and reads the rest", () => {
    const text = "just some words\nGOOD_PORT=8000\n  =8001\nBAD='http://x:8002\nLAST_PORT=8003\n";
    const { references, problems } = scanEnvFile(text, "backend/.env");
    expect(problems).toEqual([
      { file: "backend/.env", line: 1, column: 1, reason: "not a KEY=VALUE line" },
      { file: "backend/.env", line: 3, column: 3, reason: "not a KEY=VALUE line" },
      { file: "backend/.env", line: 4, column: 5, reason: "the quote ' is never closed" },
    ]);
    expect(references.map(brief)).toEqual(["2:11 GOOD_PORT - 8000", "4:15 BAD x 8002", "5:11 LAST_PORT - 8003"]);
  });

  it("never throws and stays linear on hostile input", () => {
    const started = Date.now();
    const line = `X=${"a".repeat(300_000)}${"://".repeat(100_000)} ${"b.".repeat(100_000)}c:80 ${"[".repeat(50_000)}\n`;
    const { references } = scanEnvFile(line.repeat(3) + "\0\0\0=\n'''\n\"\n", ".env");
    expect(references.map((r) => r.port)).toEqual([80, 80, 80]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("portsInValue", () => {
  it("gives the index of the digits in the value, quotes kept", () => {
    expect(portsInValue('"8000"', "APP_PORT")).toEqual([{ index: 1, length: 4, port: 8000 }]);
    expect(portsInValue("8000")).toEqual([]);
    expect(portsInValue("tcp://0.0.0.0:65535 and udp://h:65536")).toEqual([{ index: 14, length: 5, port: 65535, host: "0.0.0.0" }]);
    expect(portsInValue("user@db.internal:5432")).toEqual([{ index: 17, length: 4, port: 5432, host: "db.internal" }]);
    expect(portsInValue("[fe80::1]:9000")).toEqual([{ index: 10, length: 4, port: 9000, host: "fe80::1" }]);
    expect(portsInValue("redis://:6379")).toEqual([{ index: 9, length: 4, port: 6379 }]);
  });
});
