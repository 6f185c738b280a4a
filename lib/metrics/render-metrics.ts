import { watchDatabase } from './db-metrics';
import { metrics } from './registry';

/** The Prometheus text exposition of this process's metrics, and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  watchDatabase();
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
