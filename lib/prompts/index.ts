export * from './resolve-active-prompt';
