export * from './schemas';
export * from './record-widget-event';
export * from './track-widget-event';
export * from './list-widget-events';
export * from './summarize-widget-events';
export * from './serialize';
