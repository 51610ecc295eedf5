import type { INodeProperties } from 'n8n-workflow';
import { resourceOperations } from '../../../../shared/descriptions/common';
import * as list from './list.operation';
import * as remind from './remind.operation';

export const operations = { list, remind };

export const description: INodeProperties[] = resourceOperations(
	'deadline',
	[
		{
			name: '列出期限 List in Window',
			value: 'list',
			action: '列出期限 List deadlines in a window',
		},
		{
			name: '生成提醒 Build Reminders',
			value: 'remind',
			action: '生成提醒 Build one reminder email per owner',
		},
	],
	'list',
	operations,
);
