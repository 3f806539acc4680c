export * from './access.types';
export * from './access.errors';
export * from './access.state';
export * from './access.decide';
export * from './access.evolve';
