export * from './nav';
