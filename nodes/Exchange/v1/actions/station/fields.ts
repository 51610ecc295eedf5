import type { FieldDef } from '../../../../shared/descriptions/fields';
import { ORGANISATION_REF } from '../../../../../core/directory/lookup';
import { STATION_KIND_LABELS, STATION_KINDS } from '../../../../../core/exchange';
import { vocabularyOptions } from '../../../../shared/descriptions/common';

const kindOptions = vocabularyOptions(STATION_KINDS, STATION_KIND_LABELS);

export const stationFields: FieldDef[] = [
	{ key: 'name', label: '站点名称 Name', type: 'string', required: true },
	{
		key: 'organisationId',
		label: '所属企业 Enterprise',
		type: 'string',
		required: true,
		description: ORGANISATION_REF,
	},
	{
		key: 'capacity',
		label: '容量（同时接收教师数）Capacity',
		type: 'number',
		required: true,
		default: 5,
	},
	{ key: 'kind', label: '类型 Kind', type: 'options', options: kindOptions, default: 'station' },
	{ key: 'contactName', label: '联系人 Contact', type: 'string' },
	{ key: 'contactPhone', label: '联系电话 Contact Phone', type: 'string' },
	{
		key: 'contactEmail',
		label: '联系邮箱 Contact Email',
		type: 'string',
		placeholder: 'name@example.com',
	},
	{ key: 'address', label: '地址 Address', type: 'string' },
	{ key: 'recognisedFrom', label: '认定起始 Recognised From', type: 'date' },
	{ key: 'recognisedTo', label: '认定截止 Recognised To', type: 'date' },
];

export const stationFilters: FieldDef[] = [
	{ key: 'organisationId', label: '所属企业 ID Enterprise ID', type: 'string' },
	{ key: 'kind', label: '类型 Kind', type: 'options', options: kindOptions, default: 'station' },
];
