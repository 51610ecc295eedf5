import type { INodeProperties } from 'n8n-workflow';

export const yearProperty: INodeProperties = {
	displayName: '年度 Year',
	name: 'year',
	type: 'number',
	required: true,
	default: 2026,
	description: '自然年，或学年开始的年份 Calendar year, or the year the school year starts',
};
