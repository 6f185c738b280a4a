export { metrics, type Metrics } from './registry';
export { routePattern, startHttpTimer } from './http-metrics';
export {
  recordCredits,
  recordRateLimitRefusal,
  recordStripeEvent,
  recordTryonJob,
  recordWebhookDelivery,
} from './record';
export { watchDatabase } from './db-metrics';
export { renderMetrics } from './render-metrics';
