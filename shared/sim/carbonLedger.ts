/**
 * The money of one year of a carbon fee and dividend, in whole pence so that it adds up
 * exactly: revenue = dividends paid + retained, and the households' net gains sum to
 * others - retained (what firms and governments paid, less what is kept).
 */
export interface CarbonLedger {
  /** All the fee's revenue: households' fees plus `othersPence`. */
  revenuePence: number;
  /** The part paid by firms and governments (0 unless the design says households bear less than all of it). */
  othersPence: number;
  /** The equal dividend each household receives. */
  dividendPence: number;
  dividendsPaidPence: number;
  retainedPence: number;
}

/** The fee on one household's CO2, rounded to the nearest penny (kg and pence are integers). */
export function feePaidPence(feePencePerTonne: number, kg: number): number {
  return Math.round((feePencePerTonne * kg) / 1000);
}

/**
 * Splits a year's revenue: `dividendBasisPoints` of it (10000 = all) is shared equally among
 * the households in whole pence, rounded down; whatever is left, odd pence included, is retained.
 */
export function shareRevenue(revenuePence: number, dividendBasisPoints: number, households: number): CarbonLedger {
  const pool = Math.floor((revenuePence * dividendBasisPoints) / 10000);
  const dividendPence = Math.floor(pool / households);
  const dividendsPaidPence = dividendPence * households;
  return { revenuePence, othersPence: 0, dividendPence, dividendsPaidPence, retainedPence: revenuePence - dividendsPaidPence };
}

/**
 * Splits a year's revenue by shares: `dividendBasisPoints` of it is the pool, paid as whole pence
 * per share unit (rounded down) to households holding `units` units each (e.g. quarters of an
 * adult's share); what is left, odd pence included, is retained.
 */
export function shareByUnits(revenuePence: number, dividendBasisPoints: number, totalUnits: number): { pencePerUnit: number; pool: number } {
  const pool = Math.floor((revenuePence * dividendBasisPoints) / 10000);
  return { pencePerUnit: totalUnits === 0 ? 0 : Math.floor(pool / totalUnits), pool };
}
