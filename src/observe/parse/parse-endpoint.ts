export interface Endpoint {
  /** Brackets removed: "0.0.0.0", "::1", "fe80::1%17"; "*" is left for the caller, whose tool gives it a meaning. */
  address: string;
  port: number;
  family: 4 | 6 | undefined;
}

const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** Old ss and Linux netstat write IPv6 without brackets (`:::22`, `::1:25`). */
const BARE_IPV6 = /^[0-9A-Fa-f]*:[0-9A-Fa-f:.]*$/;
const BRACKETED_IPV6 = /^[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(?:%[^\]\s]+)?$/;
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/** Also `[fe80::1%17]:1900` (Windows zone) and ss's device suffix (`127.0.0.53%lo:53`), kept only as an IPv6 link-local zone. */
export function parseEndpoint(text: string): Endpoint | undefined {
  const colon = text.lastIndexOf(":");
  if (colon <= 0) return undefined;
  const portText = text.slice(colon + 1);
  if (!/^\d{1,5}$/.test(portText)) return undefined;
  const port = Number(portText);
  if (port > 65_535) return undefined;
  const host = text.slice(0, colon);

  const bracketed = /^\[([^\]]+)\](?:%(\S+))?$/.exec(host);
  if (bracketed !== null) {
    const inner = bracketed[1] ?? "";
    if (!BRACKETED_IPV6.test(inner)) return undefined;
    const device = bracketed[2];
    const zoned = device !== undefined && /^fe80:/i.test(inner) && !inner.includes("%") ? `${inner}%${device}` : inner;
    return { address: zoned, port, family: 6 };
  }
  const [address = "", device] = host.split("%", 2);
  if (address === "*") return { address, port, family: undefined };
  if (BARE_IPV6.test(address)) return { address: device !== undefined && /^fe80:/i.test(address) ? `${address}%${device}` : address, port, family: 6 };
  if (DOTTED_QUAD.test(address)) return { address, port, family: 4 };
  if (HOST_NAME.test(address)) return { address, port, family: undefined };
  return undefined;
}
