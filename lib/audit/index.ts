export * from './record-audit';
export * from './request-meta';
export * from './list-audit-logs';
export * from './serialize';
export * from './schemas';
export * from './describe-change';
