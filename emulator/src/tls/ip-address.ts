/** The bytes of an IP address as a certificate's `iPAddress` name holds them (RFC 5280 4.2.1.6): 4 or 16. */
export function ipAddressBytes(text: string): Uint8Array | undefined {
  return text.includes(':') ? ipv6Bytes(text) : ipv4Bytes(text);
}

/** Dotted decimal, four parts from 0 to 255 without leading zeros. */
function ipv4Bytes(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255))
    return undefined;
  return Uint8Array.from(parts, Number);
}

/** Eight groups of up to four hex digits, one `::` for a run of zero groups, and an IPv4 address as the last two. */
function ipv6Bytes(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const last = groups[groups.length - 1] as string[];
  const tail = last.at(-1);
  if (tail !== undefined && tail.includes('.')) {
    const ipv4 = ipv4Bytes(tail);
    if (ipv4 === undefined) return undefined;
    last.splice(-1, 1, hex(ipv4[0], ipv4[1]), hex(ipv4[2], ipv4[3]));
  }
  const [head = [], after = []] = groups;
  const missing = 8 - head.length - after.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...after];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return Uint8Array.from(all.flatMap((group) => [parseInt(group, 16) >> 8, parseInt(group, 16) & 0xff]));
}

const hex = (high = 0, low = 0) => ((high << 8) | low).toString(16);
