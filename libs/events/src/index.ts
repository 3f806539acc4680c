export * from './envelope';
export * from './store/event-store.port';
export * from './store/errors';
