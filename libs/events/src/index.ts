export * from './envelope';
export * from './store/event-store.port';
export * from './store/errors';
export * from './upcasting/upcaster-chain';
export * from './adapters/sqlite/sqlite-connection';
