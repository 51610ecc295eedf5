import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * 退回修改: the record a corrected submission amends, so Check validates it as that record's
 * update (its own number is not "taken") instead of as a new one.
 */
export const amendingIdProperty = (displayName: string, description: string): INodeProperties => ({
	displayName,
	name: 'amendingId',
	type: 'string',
	default: '',
	description,
});

/** The item's record being amended, or null for a new submission. */
export function readAmendingId(ctx: IExecuteFunctions, i: number): string | null {
	return String(ctx.getNodeParameter('amendingId', i, '') ?? '').trim() || null;
}
