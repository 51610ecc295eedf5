import { addSession, type SessionInput } from '../../../../../core/exchange';
import { fieldProperties, readFields, type FieldDef } from '../../../../shared/descriptions/fields';
import { perItemOperation } from '../../../../shared/operation';
import { engagementIdProperty } from './fields';

const sessionFields: FieldDef[] = [
	{ key: 'date', label: '授课日期 Date', type: 'date', required: true },
	{ key: 'hours', label: '课时 Hours', type: 'number', required: true, default: 2 },
	{ key: 'topic', label: '授课内容 Topic', type: 'string' },
	{ key: 'feedbackScore', label: '学生评分（0–100）Feedback Score', type: 'number' },
	{ key: 'feedbackCount', label: '评分人数 Respondents', type: 'number' },
];

export const { description, execute } = perItemOperation(
	{ resource: 'engagement', operation: 'addSession' },
	[engagementIdProperty, ...fieldProperties(sessionFields)],
	({ ctx, i, store, actor, id }) =>
		addSession(store, id(), readFields(ctx, i, sessionFields) as unknown as SessionInput, actor),
);
