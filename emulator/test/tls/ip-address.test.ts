/** IP addresses as a certificate holds them, checked against Node's and the URL parser's reading of the same text. */
import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipAddressBytes } from '../../src/tls/ip-address.js';

/** The address in the URL parser's canonical form (WHATWG URL's IPv6 serializer), from 16 bytes or from text. */
const canonical = (text: string) => new URL(`http://[${text}]/`).hostname;
const groups = (bytes: Uint8Array) =>
  Array.from({ length: 8 }, (_, index) =>
    (((bytes[2 * index] as number) << 8) | (bytes[2 * index + 1] as number)).toString(16),
  ).join(':');

describe('ipAddressBytes', () => {
  it.each([
    ['127.0.0.1', [127, 0, 0, 1]],
    ['0.0.0.0', [0, 0, 0, 0]],
    ['::1', [...Array<number>(15).fill(0), 1]],
    ['::', Array<number>(16).fill(0)],
    ['fe80::1:2', [0xfe, 0x80, ...Array<number>(10).fill(0), 0, 1, 0, 2]],
    ['::ffff:10.0.0.1', [...Array<number>(10).fill(0), 0xff, 0xff, 10, 0, 0, 1]],
    ['1:2:3:4:5:6:7:8', [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]],
  ])('reads %s', (text, bytes) => {
    expect(Array.from(ipAddressBytes(text) ?? [])).toEqual(bytes);
  });

  it.each([
    '',
    'localhost',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '01.2.3.4',
    '1::2::3',
    ':1',
    '1:2:3:4:5:6:7:8:9',
    '::1%eth0',
    '::g',
  ])('refuses %j', (text) => {
    expect(ipAddressBytes(text)).toBeUndefined();
  });

  it('reads every IPv4 address as its four numbers', () => {
    fc.assert(
      fc.property(fc.ipV4(), (text) => {
        expect(Array.from(ipAddressBytes(text) ?? [])).toEqual(text.split('.').map(Number));
      }),
    );
  });

  it('reads every IPv6 address (compressed, with an IPv4 tail) as the URL parser does', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const bytes = ipAddressBytes(text);
        expect(bytes?.length).toBe(16);
        expect(canonical(groups(bytes as Uint8Array))).toBe(canonical(text));
      }),
    );
  });

  it('takes nothing Node does not take for an IP address', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f:.]{0,45}$/)), (text) => {
        if (ipAddressBytes(text) !== undefined) expect(isIP(text)).not.toBe(0);
      }),
    );
  });
});
