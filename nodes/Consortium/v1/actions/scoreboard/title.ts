import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { requiredText } from '../../../../../core/util/validate';

/** The heading of the page or the report; each has its own default. */
export const titleProperty = (defaultTitle: string): INodeProperties => ({
	displayName: '标题 Title',
	name: 'title',
	type: 'string',
	default: defaultTitle,
});

export const readTitle = (ctx: IExecuteFunctions, i: number) =>
	requiredText(ctx.getNodeParameter('title', i), 'title', '标题 Title', 200);
