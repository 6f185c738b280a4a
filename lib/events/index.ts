export * from './emit-user-event';
