// Office files (.xlsx, .docx) are ZIP archives. A small upload can unpack to gigabytes (a "zip
// bomb"), so before a library opens one we read the archive's central directory, which states
// every entry's unpacked size, and refuse archives that would unpack to more than a limit.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The total unpacked size the archive declares, or null when it is not a readable ZIP. */
export function declaredUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65 535 (comment) bytes.
  const earliest = Math.max(0, bytes.byteLength - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= earliest; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  // ZIP64 archives mark these fields as 0xFFFF…: far larger than any document we accept.
  if (entries === 0xffff || at === 0xffffffff) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return total;
}

/** Whether an archive unpacks to no more than `limit` bytes (and is a ZIP at all). */
export function unpacksWithin(bytes: Uint8Array, limit: number): boolean {
  const size = declaredUnpackedSize(bytes);
  return size !== null && size <= limit;
}
