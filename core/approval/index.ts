import './schema';

export * from './types';
export * from './schema';
export * from './spec';
export * from './machine';
export * from './tokens';
export * from './steps';
export * from './requests';
export * from './decide';
export * from './management';
export * from './waiting-execution';
export * from './redeliver';
export * from './notify';
export * from '../util/html';
export * from './pages/render';
export * from './email/templates';
export * from './endpoint';
export { PAGE_MARKER } from './pages/layout';
