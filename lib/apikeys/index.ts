export * from './hash-api-key';
export * from './verify-api-key';
export * from './schemas';
export * from './manage-api-keys';
export * from './publishable-keys';
export * from './assert-key-usable-from';
export * from './data-space';
export { issuePlaygroundKey, PLAYGROUND_KEY_NAME } from './issue-playground-key';
