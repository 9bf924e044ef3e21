/** MD5 of a string's UTF-8 bytes as hex: Gravatar's hash, which the Web Crypto API does not offer. */
export function md5Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const length = (((bytes.length + 8) >>> 6) + 1) * 64;
  const padded = new Uint8Array(length);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(length - 8, (bytes.length * 8) >>> 0, true);
  view.setUint32(length - 4, Math.floor(bytes.length / 0x20000000), true);
  let [a, b, c, d] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let offset = 0; offset < length; offset += 64) {
    const words = Array.from({ length: 16 }, (_unused, index) => view.getUint32(offset + index * 4, true));
    let [aa, bb, cc, dd] = [a, b, c, d];
    for (let step = 0; step < 64; step++) {
      const round = step >>> 4;
      const mix =
        round === 0
          ? (bb & cc) | (~bb & dd)
          : round === 1
            ? (bb & dd) | (cc & ~dd)
            : round === 2
              ? bb ^ cc ^ dd
              : cc ^ (bb | ~dd);
      const word = words[WORD_ORDER[round]!(step)] as number;
      const sum = (aa + mix + (SINES[step] as number) + word) | 0;
      const shift = SHIFTS[round * 4 + (step % 4)] as number;
      [aa, dd, cc] = [dd, cc, bb];
      bb = (bb + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    [a, b, c, d] = [(a + aa) | 0, (b + bb) | 0, (c + cc) | 0, (d + dd) | 0];
  }
  return [a, b, c, d]
    .map((word) =>
      Array.from({ length: 4 }, (_unused, index) => ((word >>> (index * 8)) & 0xff).toString(16).padStart(2, '0')).join(
        '',
      ),
    )
    .join('');
}

const WORD_ORDER: readonly ((step: number) => number)[] = [
  (step) => step,
  (step) => (5 * step + 1) % 16,
  (step) => (3 * step + 5) % 16,
  (step) => (7 * step) % 16,
];
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const SINES = Array.from({ length: 64 }, (_unused, index) => Math.floor(Math.abs(Math.sin(index + 1)) * 2 ** 32) | 0);
