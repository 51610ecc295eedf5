import { courses } from '../../../../../core/course';
import type { FieldDef } from '../../../../shared/descriptions/fields';
import { listOperation } from '../../../../shared/listOperation';
import { courseStateOptions, courseTypeOptions } from './fields';

const proposalFilters: FieldDef[] = [
	{
		key: 'status',
		label: '状态 Status',
		type: 'options',
		options: courseStateOptions,
		default: 'draft',
	},
	{
		key: 'courseType',
		label: '课程类型 Course Type',
		type: 'options',
		options: courseTypeOptions,
		default: 'core',
	},
	{ key: 'code', label: '课程代码 Course Code', type: 'string' },
	{ key: 'startTerm', label: '开课学期 Start Term', type: 'string' },
];

export const { description, execute } = listOperation(
	'proposal',
	(store, { filters, ...page }) => courses.list(store, { ...filters, ...page }),
	proposalFilters,
);
