export * from './split-article';
