import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { withCourseLedger } from '../../../../../core/course/ledger';
import { requiredText } from '../../../../../core/util/validate';
import { writeXlsx } from '../../../../../core/util/xlsx';
import { toNodeError } from '../../../../shared/errors';
import { consortiumFor } from '../../../../shared/store';

const properties: INodeProperties[] = [
	{
		displayName: '台账文件 Ledger File',
		name: 'filePath',
		type: 'string',
		required: true,
		default: '/home/node/.n8n-files/课程共建台账.xlsx',
		description:
			"每次按库中全部已立项课程重新生成整个台账（不读取旧文件），在数据存储的台账锁内写入，并发审批不丢行。路径须在 n8n 允许写入的目录内（N8N_RESTRICT_FILE_ACCESS_TO）。 Rebuilt whole from every approved course in the store (the old file is never read back), written under the store's ledger lock so concurrent approvals lose no row. The path must be one n8n lets workflows write.",
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['writeLedger'] } },
	properties,
);

/** Runs once per execution, whatever the number of items: the ledger is one file. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	try {
		const { store } = await consortiumFor(this);
		const path = requiredText(
			this.getNodeParameter('filePath', 0),
			'filePath',
			'台账文件 Ledger File',
			1000,
		);
		const resolved = await this.helpers.resolvePath(path);
		const rows = await withCourseLedger(store, async (sheet) => {
			await this.helpers.writeContentToFile(resolved, writeXlsx([sheet]));
			return sheet.rows.length - 1;
		});
		return [{ json: { filePath: path, rows }, pairedItem: items.map((_, item) => ({ item })) }];
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
