export {};
export * from './midi';
export * from './musicxml';
export * from './render';
