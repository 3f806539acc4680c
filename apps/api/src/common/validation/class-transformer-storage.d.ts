// class-transformer's metadata storage, which its package exports at runtime but declares only under types/.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
