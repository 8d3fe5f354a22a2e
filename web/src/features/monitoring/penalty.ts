// The arithmetic of a penalty under art. 126 d.lgs. 36/2023, as the server does it
// (src/monitoring/sanctions.cc), so that the sanctions page shows before sending what the server
// will record or refuse. No imports: tests/penalty.test.mjs checks it against the server's figures.

/** What the page needs of a contract's standing against the 10% cap (the server's PenaltyStatus). */
export interface ContractCap {
  net_cents: number;
  remaining_cents: number;
  min_rate_per_mille: number;
  max_rate_per_mille: number;
}

/**
 * Days late × rate (in millionths of the net amount; typed per mille) × the contract's net amount,
 * rounded half up to the cent. In integers, as the server: the product passes 2^53 on a large
 * contract late for years.
 */
export function penaltyCents(netCents: number, daysLate: number, ratePerMille: number): number {
  const millionths = BigInt(Math.round(ratePerMille * 1000));
  return Number((BigInt(netCents) * BigInt(daysLate) * millionths + BigInt(500_000)) / BigInt(1_000_000));
}

/** The most days at `rate` that stay within what remains under the cap. */
export function maxDays(c: ContractCap, rate: number): number {
  if (rate <= 0 || c.net_cents <= 0) return 0;
  let d = Math.floor((c.remaining_cents * 1000) / (c.net_cents * rate));
  while (d > 0 && penaltyCents(c.net_cents, d, rate) > c.remaining_cents) d--;
  while (penaltyCents(c.net_cents, d + 1, rate) <= c.remaining_cents) d++;
  return d;
}

export interface Preview {
  amount: number;
  /** What remains under the cap after it (negative when it would pass the cap). */
  after: number;
  /** The server refuses it (penalty_cap). */
  overCap: boolean;
  /** It reaches the cap exactly: the server records a termination proposal with it. */
  reachesCap: boolean;
  /** The server refuses the rate (rate_out_of_bounds). */
  outOfBounds: boolean;
  maxDays: number;
}

/** The penalty `days` at `rate` would be on contract `c`; null until both are typed. */
export function preview(c: ContractCap | undefined, days: number | null, rate: number | null): Preview | null {
  if (!c || days == null || days < 1 || rate == null) return null;
  const amount = penaltyCents(c.net_cents, days, rate);
  return {
    amount,
    after: c.remaining_cents - amount,
    overCap: amount > c.remaining_cents,
    reachesCap: amount === c.remaining_cents,
    outOfBounds: rate < c.min_rate_per_mille || rate > c.max_rate_per_mille,
    maxDays: maxDays(c, rate),
  };
}
