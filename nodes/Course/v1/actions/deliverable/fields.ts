import {
	DELIVERABLE_KIND_LABELS,
	DELIVERABLE_KINDS,
	DELIVERABLE_STATUS_LABELS,
	DELIVERABLE_STATUSES,
} from '../../../../../core/course/vocabulary';
import { vocabularyOptions } from '../../../../shared/descriptions/common';
import type { FieldDef } from '../../../../shared/descriptions/fields';

export const deliverableKindOptions = vocabularyOptions(DELIVERABLE_KINDS, DELIVERABLE_KIND_LABELS);

export const deliverableStatusOptions = vocabularyOptions(
	DELIVERABLE_STATUSES,
	DELIVERABLE_STATUS_LABELS,
);

export const deliverableFields: FieldDef[] = [
	{
		key: 'courseId',
		label: '课程 ID Course ID',
		type: 'string',
		required: true,
		placeholder: 'crs_…',
	},
	{
		key: 'kind',
		label: '成果类型 Kind',
		type: 'options',
		required: true,
		options: deliverableKindOptions,
		default: 'workbook',
	},
	{ key: 'title', label: '成果名称 Title', type: 'string' },
	{
		key: 'status',
		label: '成果状态 Status',
		type: 'options',
		options: deliverableStatusOptions,
		default: 'planned',
	},
	{ key: 'link', label: '成果链接 Link', type: 'string', placeholder: 'https://' },
	{ key: 'dueOn', label: '计划完成日期 Due On', type: 'date' },
	{ key: 'completedOn', label: '完成日期 Completed On', type: 'date' },
	{ key: 'note', label: '备注 Note', type: 'string' },
];

export const deliverableFilters: FieldDef[] = [
	{ key: 'courseId', label: '课程 ID Course ID', type: 'string' },
	{
		key: 'kind',
		label: '成果类型 Kind',
		type: 'options',
		options: deliverableKindOptions,
		default: 'workbook',
	},
	{
		key: 'status',
		label: '成果状态 Status',
		type: 'options',
		options: deliverableStatusOptions,
		default: 'planned',
	},
];
