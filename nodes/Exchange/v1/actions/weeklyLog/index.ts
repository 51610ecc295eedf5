import type { INodeProperties } from 'n8n-workflow';
import { resourceOperations } from '../../../../shared/descriptions/common';
import * as add from './add.operation';
import * as confirm from './confirm.operation';
import * as list from './list.operation';

export const operations = { add, confirm, list };

export const description: INodeProperties[] = resourceOperations(
	'weeklyLog',
	[
		{ name: '填写 Add', value: 'add', action: '填写 Add a weekly log' },
		{ name: '导师确认 Confirm', value: 'confirm', action: '导师确认 Confirm a weekly log' },
		{ name: '列表 List', value: 'list', action: '列表 List the weekly logs of a placement' },
	],
	'add',
	operations,
);
