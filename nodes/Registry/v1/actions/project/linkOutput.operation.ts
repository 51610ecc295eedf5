import { OUTPUT_TYPE_LABELS, OUTPUT_TYPES } from '../../../../../core/registry/projects';
import { vocabularyOptions } from '../../../../shared/descriptions/common';
import { projectChildOperation, projects } from './common';

export const { description, execute } = projectChildOperation(
	'linkOutput',
	[
		{
			displayName: '成果类型 Output Type',
			name: 'outputType',
			type: 'options',
			options: vocabularyOptions(OUTPUT_TYPES, OUTPUT_TYPE_LABELS),
			default: 'patent',
		},
		{
			displayName: '成果 ID Reference',
			name: 'refId',
			type: 'string',
			default: '',
			description:
				'专利 ID 或申请号、课程 ID；论文可留空 Patent ID or application number, course ID; empty for a paper',
		},
		{
			displayName: '成果名称 Title',
			name: 'title',
			type: 'string',
			default: '',
			description: '专利可留空（取专利名称）Empty for a patent: its title is used',
		},
		{
			displayName: '说明 Detail',
			name: 'detail',
			type: 'string',
			default: '',
			placeholder: '期刊、卷期、作者 Journal, issue, authors',
		},
	],
	(store, id, v, actor) =>
		projects.linkOutput(
			store,
			id,
			{ outputType: v.outputType, refId: v.refId, title: v.title, detail: v.detail },
			actor,
		),
);
