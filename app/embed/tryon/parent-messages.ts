/**
 * The dialog → shop page messages (the widget protocol): `trailroom:ready`,
 * `trailroom:close`, `trailroom:completed`. Always sent to an exact origin the
 * server validated, never `*`; the shop's embed.js checks `event.origin`.
 */
export type ParentMessage =
  | { type: 'trailroom:ready' }
  | { type: 'trailroom:close' }
  | { type: 'trailroom:completed'; job_id: string; sku: string };

export function postToParent(origins: readonly string[], message: ParentMessage): void {
  if (typeof window === 'undefined' || window.parent === window) return;
  // A message whose target origin is not the parent's is dropped by the browser.
  for (const origin of origins) window.parent.postMessage(message, origin);
}
