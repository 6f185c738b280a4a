import { describe, expect, it } from 'vitest';
import { routePattern } from './http-metrics';

describe('routePattern', () => {
  it('replaces param values with their names so labels never carry ids', () => {
    expect(routePattern('/api/v1/tryon/665f0a', { id: '665f0a' })).toBe('/api/v1/tryon/[id]');
    expect(routePattern('/api/v1/tryon/665f0a/image', { id: '665f0a' })).toBe(
      '/api/v1/tryon/[id]/image',
    );
    expect(routePattern('/api/docs/a/b', { slug: ['a', 'b'] })).toBe('/api/docs/[slug]/[slug]');
    expect(routePattern('/api/v1/credits', {})).toBe('/api/v1/credits');
    expect(routePattern('/api/v1/credits', undefined)).toBe('/api/v1/credits');
  });
});
