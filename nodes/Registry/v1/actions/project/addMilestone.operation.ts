import { projectChildOperation, projects } from './common';
import { milestoneKindDescription, milestoneOptions } from './fields';

export const { description, execute } = projectChildOperation(
	'addMilestone',
	[
		{
			displayName: '里程碑类型 Milestone Kind',
			name: 'kind',
			type: 'options',
			options: milestoneOptions,
			default: 'opening',
			description: milestoneKindDescription,
		},
		{
			displayName: '截止日期 Due On',
			name: 'dueOn',
			type: 'string',
			required: true,
			default: '',
			placeholder: '2026-09-01',
		},
		{ displayName: '里程碑名称 Title', name: 'title', type: 'string', default: '' },
	],
	(store, id, v, actor) =>
		projects.addMilestone(store, id, { kind: v.kind, dueOn: v.dueOn, title: v.title }, actor),
);
