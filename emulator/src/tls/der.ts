/** A DER writer (ITU-T X.690) for the few ASN.1 types an X.509 certificate is made of. */

/** Encoded bytes, on an ArrayBuffer of their own (what Web Crypto takes). */
export type Der = Uint8Array<ArrayBuffer>;

/** Bytes laid end to end. */
export function concat(parts: readonly Uint8Array[]): Der {
  const bytes = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** A tag, its length (short form below 128, else long form: X.690 8.1.3) and its content. */
export function tlv(tag: number, content: Uint8Array): Der {
  let length: number[];
  if (content.length < 0x80) length = [content.length];
  else {
    const digits: number[] = [];
    for (let rest = content.length; rest > 0; rest = Math.floor(rest / 256)) digits.unshift(rest % 256);
    length = [0x80 | digits.length, ...digits];
  }
  return concat([Uint8Array.of(tag, ...length), content]);
}

export const sequence = (...items: readonly Uint8Array[]): Der => tlv(0x30, concat(items));

export const set = (...items: readonly Uint8Array[]): Der => tlv(0x31, concat(items));

export const boolean = (value: boolean): Der => tlv(0x01, Uint8Array.of(value ? 0xff : 0x00));

/** A non-negative INTEGER from its big-endian magnitude: no redundant leading zero, one added when the top bit is set. */
export function unsignedInteger(magnitude: Uint8Array): Der {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.length === 0 ? Uint8Array.of(0) : magnitude.subarray(start);
  return tlv(0x02, (trimmed[0] as number) & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed);
}

/** An OBJECT IDENTIFIER from its dotted form: the first two arcs as 40 × a + b, each arc in base 128. */
export function objectIdentifier(dotted: string): Der {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const digits = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128))
      digits.unshift(0x80 | (value % 128));
    bytes.push(...digits);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

/** A BIT STRING: a first byte that counts the unused bits of the last one, then the bits. */
export const bitString = (bits: Uint8Array, unusedBits = 0): Der =>
  tlv(0x03, concat([Uint8Array.of(unusedBits), bits]));

export const octetString = (bytes: Uint8Array): Der => tlv(0x04, bytes);

export const utf8String = (text: string): Der => tlv(0x0c, new TextEncoder().encode(text));

/** A certificate's time (RFC 5280 4.1.2.5): UTCTime `YYMMDDHHMMSSZ` through 2049, GeneralizedTime from 2050 on. */
export function time(date: Date): Der {
  const text = date.toISOString().replace(/[-:T]|\.\d{3}/g, '');
  const year = date.getUTCFullYear();
  return year < 2050 ? tlv(0x17, ascii(text.slice(2))) : tlv(0x18, ascii(text));
}

/** An EXPLICIT context-specific tag (`[n]` around a whole encoding). */
export const explicit = (tagNumber: number, content: Uint8Array): Der => tlv(0xa0 | tagNumber, content);

/** An IMPLICIT context-specific tag on a primitive value (`[n]` in place of its own tag). */
export const implicit = (tagNumber: number, content: Uint8Array): Der => tlv(0x80 | tagNumber, content);

export const ascii = (text: string): Der => Uint8Array.from(text, (character) => character.charCodeAt(0));
