export * from './store/read-model-store.port';
export * from './store/errors';
export * from './adapters/memory/memory-read-model-store';
export * from './adapters/sqlite/sqlite-read-model-store';
export * from './adapters/mongodb/mongo-read-model-store';
export * from './create-read-model-store';
export * from './scores/score-read-models';
