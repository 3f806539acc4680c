export {};
export * from './midi';
export * from './musicxml';
