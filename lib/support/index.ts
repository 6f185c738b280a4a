export * from './schemas';
export * from './create-support-message';
export * from './list-support-messages';
export * from './mark-support-message-handled';
export * from './serialize';
