/**
 * Time parsing for trail records and command-line flags. Audit trails are in UTC; a time
 * written without a zone is read as UTC (CloudTrail and ActionTrail never write local time).
 */
const TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch milliseconds, or undefined when the text is not an ISO-8601-like UTC time. */
export function parseTime(text: string): number | undefined {
  const m = TIME_RE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const ms = Number((frac + '000').slice(0, 3));
  let epoch = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  // Date.UTC rolls over out-of-range parts (month 13, day 32); such input is not a time.
  const check = new Date(epoch);
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 60
  ) {
    return undefined;
  }
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    epoch -= sign * offsetMin * 60_000;
  }
  return epoch;
}

export function isoTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  // Whole seconds are the norm in trails; keep the short form when there is no fraction.
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}

/** Now, in epoch ms — or SOURCE_DATE_EPOCH (seconds) when set, so plans and approvals can be reproduced. */
export function clockNow(): number {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return Number(epoch) * 1000;
  return Date.now();
}
