import { storeNodeVersion } from '../../shared/versionedNode';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

export class ExchangeV1 extends storeNodeVersion(versionDescription, { execute: router }) {}
