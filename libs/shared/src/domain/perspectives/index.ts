export * from './vote-matrix';
export * from './silhouette';
export * from './opinion-groups';
export * from './group-figures';
