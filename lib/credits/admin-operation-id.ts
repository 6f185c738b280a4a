/** `admin:<uuid>` → `<uuid>`: the id a ledger entry references an admin adjustment by. */
export function adminOperationId(idempotencyKey: string): string {
  return idempotencyKey.replace(/^admin:/, '');
}
