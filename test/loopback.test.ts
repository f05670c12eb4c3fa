import { describe, expect, it } from "vitest";
import { isLoopbackAddress, isLoopbackHost } from "../src/util/loopback.js";

describe("one definition of loopback", () => {
  it("all of 127/8, ::1 in any spelling, IPv4-mapped 127.x; nothing else", () => {
    for (const a of ["127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "::FFFF:127.1.2.3", new URL("http://[::ffff:127.0.0.1]:8000").hostname, "::ffff:7fff:fffe"]) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ["0.0.0.0", "::", "128.0.0.1", "1127.0.0.1", "127.0.0.1.5", "100.123.51.5", "::2", "fe80::1", "localhost", "::ffff:10.0.0.1", "::ffff:a00:1", "::ffff:8000:1", ""]) expect(isLoopbackAddress(a), a).toBe(false);
  });

  it("hosts add localhost and its subdomains (RFC 6761), never a look-alike", () => {
    for (const h of ["localhost", "LOCALHOST", "localhost.", "app.localhost", "127.0.0.1", "[::1]"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["localhost.example.com", "mylocalhost", "macmini", "0.0.0.0"]) expect(isLoopbackHost(h), h).toBe(false);
  });
});
