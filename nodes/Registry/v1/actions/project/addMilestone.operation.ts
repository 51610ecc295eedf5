import { projectChildOperation, projects } from './common';

export const { description, execute } = projectChildOperation(
	'addMilestone',
	[
		{
			displayName: '节点类型 Milestone Kind',
			name: 'kind',
			type: 'options',
			options: [
				{ name: '开题 Opening', value: 'opening' },
				{ name: '中期检查 Mid-Term Check', value: 'midterm' },
				{ name: '结题 Closing', value: 'closing' },
				{ name: '其他 Other', value: 'other' },
			],
			default: 'opening',
		},
		{ displayName: '截止日期 Due On', name: 'dueOn', type: 'string', required: true, default: '', placeholder: '2026-09-01' },
		{ displayName: '节点名称 Title', name: 'title', type: 'string', default: '' },
	],
	(store, id, v, actor) => projects.addMilestone(store, id, { kind: v.kind, dueOn: v.dueOn, title: v.title }, actor),
);
