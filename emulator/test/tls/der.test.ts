/** The DER writer, checked against the encodings ITU-T X.690 and RFC 5280 spell out, byte for byte. */
import { describe, expect, it } from 'vitest';
import {
  bitString,
  boolean,
  explicit,
  implicit,
  objectIdentifier,
  octetString,
  sequence,
  time,
  unsignedInteger,
  utf8String,
} from '../../src/tls/der.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('DER', () => {
  it('writes a length below 128 in one byte, and longer ones in the long form (X.690 8.1.3)', () => {
    expect(hex(octetString(new Uint8Array(127))).slice(0, 4)).toBe('047f');
    expect(hex(octetString(new Uint8Array(128))).slice(0, 6)).toBe('048180');
    expect(hex(octetString(new Uint8Array(256))).slice(0, 8)).toBe('04820100');
    expect(hex(octetString(new Uint8Array(65_536))).slice(0, 10)).toBe('0483010000');
  });

  it.each([
    [[0], '020100'],
    [[], '020100'],
    [[0x7f], '02017f'],
    [[0x80], '02020080'],
    [[0x01, 0x00], '02020100'],
    [[0x00, 0x00, 0x05], '020105'],
    [[0x00, 0xff], '020200ff'],
  ])('writes the unsigned integer %j in the fewest bytes, positive (X.690 8.3.2)', (magnitude, expected) => {
    expect(hex(unsignedInteger(Uint8Array.from(magnitude)))).toBe(expected);
  });

  it.each([
    ['1.2.840.113549', '06062a864886f70d'], // X.690 8.19.5's example, RSA Data Security's arc
    ['2.5.29.17', '0603551d11'], // subjectAltName
    ['1.3.6.1.5.5.7.3.1', '06082b06010505070301'], // id-kp-serverAuth
    ['1.2.840.10045.4.3.2', '06082a8648ce3d040302'], // ecdsa-with-SHA256 (RFC 5758 3.2)
  ])('writes the object identifier %s', (dotted, expected) => {
    expect(hex(objectIdentifier(dotted))).toBe(expected);
  });

  it('writes TRUE as 0xff (X.690 11.1), a bit string with its count of unused bits, UTF-8 text', () => {
    expect(hex(boolean(true))).toBe('0101ff');
    expect(hex(boolean(false))).toBe('010100');
    expect(hex(bitString(Uint8Array.of(0x80), 7))).toBe('03020780'); // keyUsage digitalSignature (RFC 5280 4.2.1.3)
    expect(hex(utf8String('é'))).toBe('0c02c3a9');
  });

  it('writes UTCTime through 2049 and GeneralizedTime from 2050 (RFC 5280 4.1.2.5)', () => {
    expect(Buffer.from(time(new Date('2049-12-31T23:59:59.999Z'))).toString('latin1')).toBe('\x17\x0d491231235959Z');
    expect(Buffer.from(time(new Date('2050-01-01T00:00:00.000Z'))).toString('latin1')).toBe('\x18\x0f20500101000000Z');
  });

  it('nests: sequences, explicit and implicit context tags', () => {
    expect(hex(sequence())).toBe('3000');
    expect(hex(sequence(boolean(true), octetString(Uint8Array.of(1))))).toBe('30060101ff040101');
    expect(hex(explicit(0, unsignedInteger(Uint8Array.of(2))))).toBe('a003020102'); // [0] EXPLICIT v3
    expect(hex(implicit(7, Uint8Array.of(127, 0, 0, 1)))).toBe('87047f000001'); // iPAddress 127.0.0.1
  });
});
