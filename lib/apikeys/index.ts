export * from './hash-api-key';
export * from './verify-api-key';
