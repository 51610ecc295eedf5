import type { IDataObject } from 'n8n-workflow';
import { confirmLog } from '../../../../../core/exchange';
import { recordIdProperty } from '../../../../shared/descriptions/common';
import { additionalFieldsProperty } from '../../../../shared/additionalFields';
import { perItemOperation } from '../../../../shared/operation';

export const { description, execute } = perItemOperation(
	{ resource: 'weeklyLog', operation: 'confirm' },
	[
		recordIdProperty('周志 ID Log ID'),
		additionalFieldsProperty([
			{
				displayName: '确认人 Confirmed By',
				name: 'confirmedBy',
				type: 'string',
				default: '',
				description: "默认为企业导师 Defaults to the placement's mentor",
			},
		]),
	],
	({ store, actor, param, id }) =>
		confirmLog(
			store,
			id(),
			{ confirmedBy: param<IDataObject>('additionalFields', {}).confirmedBy as string },
			actor,
		),
);
