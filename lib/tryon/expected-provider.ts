import { resolveProviderChain, type ProviderName } from '@/lib/ai';
import type { TryonMode } from '@/models/tryon-job';

/**
 * The provider a new job is expected to use (configuration only; the run
 * re-resolves it with the active prompt's override). It is the key of the
 * per-provider throttle, so it travels in the event.
 */
export function expectedProvider(mode: TryonMode): ProviderName {
  return resolveProviderChain(mode)[0]?.provider ?? 'local';
}
