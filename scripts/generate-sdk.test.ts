import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderSdkSchema, SDK_SCHEMA_PATH } from './generate-sdk';

describe('SDK types (sdk/src/schema.d.ts)', () => {
  it('match the OpenAPI document — run npm run sdk:generate when this fails', async () => {
    const [fresh, committed] = await Promise.all([
      renderSdkSchema(),
      readFile(SDK_SCHEMA_PATH, 'utf8'),
    ]);
    expect(fresh).toContain('export interface paths');
    // A plain boolean first, so the failure says what to do before the long diff.
    expect(
      fresh === committed,
      'sdk/src/schema.d.ts is stale: run npm run sdk:generate and commit it',
    ).toBe(true);
  }, 60_000);
});
