import {
  BRA_NO_HEADER,
  readBraRecords,
  type BraProblem,
  type BraReading,
  type BraRow
} from '../../../core/crime-statistics';
import { decodeText, parseCsv } from '../../spreadsheet/csv';

export type { BraProblem, BraRow };

/**
 * Reads Brå's CSV of reported crimes (anmälda brott) per municipality, category and year: decodes
 * UTF-8 or Windows-1252, tries a semicolon, comma or tab separator, and leaves reading the table
 * to the core (readBraRecords), which accepts title lines above the header, Swedish numbers, and a
 * long or a wide table. Lines it cannot read are reported, never silently dropped.
 */
export function readBraCsv(bytes: Uint8Array): BraReading {
  const text = decodeText(bytes);
  for (const sep of [';', ',', '\t']) {
    const reading = readBraRecords(parseCsv(text, sep));
    if (reading) return reading;
  }
  return { rows: [], problems: [{ ...BRA_NO_HEADER }] };
}
