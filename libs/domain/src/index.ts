export * from './music/music.types';
