export * from './match-revision';
