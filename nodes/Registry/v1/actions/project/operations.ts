import { importProjects, projects } from '../../../../../core/registry';
import { entityOperations } from '../../../../shared/entityOperations';
import { importOperation } from '../common';
import { projectFields, projectFilters, projectHeaderAliases } from './fields';

export const projectOperations = {
	...entityOperations('project', projects, projectFields, projectFilters, {
		datedInput: true,
	}),
	import: importOperation(
		'project',
		projectFields,
		projectHeaderAliases,
		(store, rows, actor, batchSize, today) =>
			importProjects(store, rows as never[], actor, batchSize, { today }),
	),
};
