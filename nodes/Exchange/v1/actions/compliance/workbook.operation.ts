import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import {
	complianceWorkbook,
	REPORT_NAMES,
	WorkbookItemError,
	type ReportName,
} from '../../../../../core/exchange';
import { requiredText } from '../../../../../core/util/validate';
import { toNodeError } from '../../../../shared/errors';
import { readReportNames, reportOptions } from './options';

const properties: INodeProperties[] = [
	{
		displayName: '工作表 Sheets',
		name: 'sheets',
		type: 'multiOptions',
		options: reportOptions,
		default: [...REPORT_NAMES],
		description:
			'这些报表即使没有数据也生成工作表 These reports get a sheet even when they have no rows',
	},
	{
		displayName: '文件名 File Name',
		name: 'fileName',
		type: 'string',
		default: '={{ "校企互聘合规月报-" + ($json.asOf || $now.toFormat("yyyy-MM-dd")) + ".xlsx" }}',
	},
	{
		displayName: '输出二进制字段 Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['compliance'], operation: ['workbook'] } },
	properties,
);

/** All input items (compliance items) become one workbook, one sheet per report. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	let sheets: ReportName[];
	let fileName: string;
	let property: string;
	let workbook: ReturnType<typeof complianceWorkbook>;
	try {
		sheets = readReportNames(this, 'sheets', '工作表 Sheets', 0);
		fileName = requiredText(
			this.getNodeParameter('fileName', 0),
			'fileName',
			'文件名 File Name',
			200,
		);
		property = requiredText(
			this.getNodeParameter('binaryPropertyName', 0, 'data'),
			'binaryPropertyName',
			'输出二进制字段 Put Output File in Field',
			100,
		);
		workbook = complianceWorkbook(
			items.map((item) => item.json),
			sheets,
		);
	} catch (error) {
		// the parameters are read from the first item; a cell that cannot be written names its own
		throw toNodeError(
			this.getNode(),
			error,
			error instanceof WorkbookItemError ? error.itemIndex : 0,
		);
	}
	const binary = await this.helpers.prepareBinaryData(
		workbook.buffer,
		fileName,
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	);
	return [
		{
			json: {
				fileName,
				asOf: (items[0]?.json.asOf as string) ?? null,
				sheets: workbook.sheets,
				rows: items.length,
			},
			binary: { [property]: binary },
			pairedItem: items.map((_, item) => ({ item })),
		},
	];
}
