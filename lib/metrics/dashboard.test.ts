import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metrics } from './registry';

// The Grafana dashboard reads only metrics this process exposes.
describe('deploy/grafana/trailroom-dashboard.json', () => {
  it('queries only metric names the registry exposes', async () => {
    const file = path.resolve(import.meta.dirname, '../../deploy/grafana/trailroom-dashboard.json');
    const text = readFileSync(file, 'utf8');
    const used = new Set(
      [...text.matchAll(/trailroom_[a-z0-9_]+/g)]
        .map((m) => m[0].replace(/_(bucket|count|sum)$/, ''))
        .filter((n) => n !== 'trailroom_overview'),
    );
    const exposed = new Set((await metrics().registry.getMetricsAsJSON()).map((m) => m.name));
    expect(used.size).toBeGreaterThan(8);
    for (const name of used) expect(exposed, name).toContain(name);
  });
});
