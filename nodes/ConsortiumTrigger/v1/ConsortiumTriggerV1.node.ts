import { storeNodeVersion } from '../../shared/versionedNode';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

export class ConsortiumTriggerV1 extends storeNodeVersion(versionDescription, { poll: router }) {}
