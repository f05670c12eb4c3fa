/** All of 127.0.0.0/8 (Linux answers on every one), ::1, and 127.x IPv4-mapped (::ffff:127.0.0.1, as /proc and ss show dual-stack). */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) ||
    bare === "::1" ||
    bare === "0:0:0:0:0:0:0:1" ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) ||
    // The same, as the WHATWG URL parser writes it: [::ffff:127.0.0.1] becomes [::ffff:7f00:1].
    /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(bare)
  );
}

/** `localhost` never leaves the machine (RFC 6761). */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost") || isLoopbackAddress(host);
}
