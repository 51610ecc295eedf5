import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readId } from '../../../../shared/params';
import { PLACEMENT_ID_LABEL } from '../placement/fields';

/** A weekly log belongs to a placement: adding one and listing them both name it. */
export const placementIdProperty: INodeProperties = {
	displayName: PLACEMENT_ID_LABEL,
	name: 'placementId',
	type: 'string',
	required: true,
	default: '',
};

export const readPlacementId = (ctx: IExecuteFunctions, i: number): string =>
	readId(ctx, i, 'placementId', PLACEMENT_ID_LABEL);
