import { chainName, readChainUsed } from './cap-chain';
import type { CapScope } from './types';

/** How much of a cap's period is used (reservations less releases). */
export async function capUsage(
  scope: CapScope,
  subject: string,
  periodKey: string,
): Promise<number> {
  return readChainUsed(chainName(scope, subject, periodKey));
}
