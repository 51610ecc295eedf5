import { importPatents, patents } from '../../../../../core/registry';
import { entityOperations } from '../../../../shared/entityOperations';
import { importOperation } from '../common';
import { patentFields, patentFilters, patentHeaderAliases } from './fields';

export const patentOperations = {
	...entityOperations('patent', patents, patentFields, patentFilters, {
		datedInput: true,
	}),
	import: importOperation(
		'patent',
		patentFields,
		patentHeaderAliases,
		(store, rows, actor, batchSize, today) =>
			importPatents(store, rows as never[], actor, batchSize, { today }),
	),
};
