export { tagRequestId, REQUEST_ID_ATTRIBUTE } from './tag-request-id';
export { tracingConfig, type TracingConfig } from './tracing-config';
