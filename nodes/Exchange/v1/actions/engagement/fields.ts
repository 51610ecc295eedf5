import type { FieldDef } from '../../../../shared/descriptions/fields';
import { ORGANISATION_REF, PERSON_REF } from '../../../../../core/directory/lookup';
import { ENGAGEMENT_STATUS_LABELS, ENGAGEMENT_STATUSES } from '../../../../../core/exchange';
import { recordIdProperty, vocabularyOptions } from '../../../../shared/descriptions/common';

export const engagementIdProperty = recordIdProperty('授课记录 ID Engagement ID');

export const engagementFields: FieldDef[] = [
	{
		key: 'technicianId',
		label: '企业技师 Technician',
		type: 'string',
		required: true,
		description: PERSON_REF,
	},
	{ key: 'course', label: '课程 Course', type: 'string', required: true },
	{ key: 'term', label: '学期 Term', type: 'string', required: true, placeholder: '2025-2026-1' },
	{
		key: 'enterpriseId',
		label: '所在企业 Enterprise',
		type: 'string',
		description: `${ORGANISATION_REF}；留空则取技师所属单位 Blank: the technician's organisation`,
	},
	{ key: 'module', label: '模块 Module', type: 'string' },
	{ key: 'yearsInIndustry', label: '从业年限 Years in Industry', type: 'number' },
];

export const engagementFilters: FieldDef[] = [
	{ key: 'technicianId', label: '企业技师 ID Technician ID', type: 'string' },
	{ key: 'enterpriseId', label: '所在企业 ID Enterprise ID', type: 'string' },
	{ key: 'term', label: '学期 Term', type: 'string' },
	{
		key: 'status',
		label: '状态 Status',
		type: 'options',
		default: 'planned',
		options: vocabularyOptions(ENGAGEMENT_STATUSES, ENGAGEMENT_STATUS_LABELS),
	},
];
