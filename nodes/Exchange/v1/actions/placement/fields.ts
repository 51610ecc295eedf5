import type { FieldDef } from '../../../../shared/descriptions/fields';
import { ORGANISATION_REF, PERSON_REF } from '../../../../../core/directory/lookup';
import {
	FORM_LABELS,
	PLACEMENT_FORMS,
	PLACEMENT_STATUSES,
	STATUS_LABELS,
	type PlacementStatus,
} from '../../../../../core/exchange';
import { recordIdProperty, vocabularyOptions } from '../../../../shared/descriptions/common';

export const PLACEMENT_ID_LABEL = '实践记录 ID Placement ID';

export const placementIdProperty = recordIdProperty(PLACEMENT_ID_LABEL);

export const formOptions = vocabularyOptions(PLACEMENT_FORMS, FORM_LABELS);

// STATUS_LABELS also names engagement statuses; the placement's are a subset of its keys.
export const statusOptions = vocabularyOptions(
	PLACEMENT_STATUSES,
	STATUS_LABELS as Record<PlacementStatus, string>,
);

export const placementFields: FieldDef[] = [
	{
		key: 'teacherId',
		label: '教师 Teacher',
		type: 'string',
		required: true,
		description: PERSON_REF,
	},
	{
		key: 'hostId',
		label: '接收企业 Host Enterprise',
		type: 'string',
		required: true,
		description: ORGANISATION_REF,
	},
	{
		key: 'form',
		label: '实践形式 Form',
		type: 'options',
		options: formOptions,
		required: true,
		default: 'post',
	},
	{ key: 'plannedStart', label: '计划开始 Planned Start', type: 'date', required: true },
	{ key: 'plannedEnd', label: '计划结束 Planned End', type: 'date', required: true },
	{
		key: 'stationId',
		label: '实践站点 Station',
		type: 'string',
		description: '站点 ID 或名称 Station ID or name',
	},
	{
		key: 'plannedDays',
		label: '计划天数 Planned Days',
		type: 'number',
		description: '留空则为起止日期间的天数 Blank: every day from start to end',
	},
	{ key: 'goals', label: '实践目标 Goals', type: 'string' },
	{ key: 'mentorId', label: '企业导师 Mentor', type: 'string', description: PERSON_REF },
	{ key: 'mentorName', label: '企业导师姓名 Mentor Name', type: 'string' },
	{
		key: 'requireHostContact',
		label: '须有企业确认人 Require Host Contact',
		type: 'boolean',
		description:
			'Whether to refuse a host nobody can confirm for: neither the station nor the enterprise has a contact email (a registration whose approval asks the host)',
	},
];

export const placementFilters: FieldDef[] = [
	{ key: 'teacherId', label: '教师 ID Teacher ID', type: 'string' },
	{ key: 'hostId', label: '接收企业 ID Host Enterprise ID', type: 'string' },
	{ key: 'stationId', label: '实践站点 ID Station ID', type: 'string' },
	{
		key: 'status',
		label: '状态 Status',
		type: 'options',
		options: statusOptions,
		default: 'planned',
	},
	{ key: 'form', label: '实践形式 Form', type: 'options', options: formOptions, default: 'post' },
];
