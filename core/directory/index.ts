export * from './credit-code';
export * from './organisation';
export * from './person';
export * from './lookup';
