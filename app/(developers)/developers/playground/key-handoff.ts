/**
 * sessionStorage slot through which the Developers page hands a just-created
 * key to the playground (same tab, read once and removed), so a new key can
 * be tried without pasting it. Never localStorage: nothing outlives the tab.
 */
export const PLAYGROUND_KEY_HANDOFF = 'trailroom.playground.key';

/** Returns the handed-over key, if any, and forgets it. */
export function takeHandedOverKey(): string | null {
  try {
    const key = sessionStorage.getItem(PLAYGROUND_KEY_HANDOFF);
    sessionStorage.removeItem(PLAYGROUND_KEY_HANDOFF);
    return key && /^tr_(live|test)_[0-9A-Za-z]{32}$/.test(key) ? key : null;
  } catch {
    return null; // storage disabled
  }
}
