import type { INodePropertyOptions } from 'n8n-workflow';
import {
	MILESTONE_LABELS,
	MILESTONES_BY_CATEGORY,
	PROJECT_CATEGORY_LABELS,
	PROJECT_LEVEL_LABELS,
	PROJECT_STATUS_LABELS,
} from '../../../../../core/registry';
import { ORGANISATION_REF, PERSON_OR_NAME_REF } from '../../../../../core/directory/lookup';
import type { FieldDef } from '../../../../shared/descriptions/fields';

export const projectStatusOptions: INodePropertyOptions[] = Object.entries(
	PROJECT_STATUS_LABELS,
).map(([value, name]) => ({ name, value }));
export const categoryOptions: INodePropertyOptions[] = Object.entries(PROJECT_CATEGORY_LABELS).map(
	([value, name]) => ({ name, value }),
);
export const levelOptions: INodePropertyOptions[] = Object.entries(PROJECT_LEVEL_LABELS).map(
	([value, name]) => ({ name, value }),
);
/** Every milestone kind, each saying which kind of project has it; core refuses one of the other kind. */
export const milestoneOptions: INodePropertyOptions[] = Object.entries(MILESTONE_LABELS).map(
	([value, name]) => {
		const of = (['vertical', 'horizontal'] as const).filter((c) =>
			(MILESTONES_BY_CATEGORY[c] as readonly string[]).includes(value),
		);
		return {
			name,
			value,
			description:
				of.length === 2
					? '纵向、横向 Both'
					: of[0] === 'vertical'
						? '纵向项目 Government-funded projects'
						: '横向项目 Enterprise-commissioned projects',
		};
	},
);

const milestoneNames = (category: 'vertical' | 'horizontal') =>
	MILESTONES_BY_CATEGORY[category]
		.filter((k) => k !== 'other')
		.map((k) => MILESTONE_LABELS[k].split(' ')[0])
		.join('、');

/**
 * Which milestones each kind of project has, from core's sets. The sets are this package's
 * reading of practice (a 横向 contract has no 开题 or 中期检查), not a national rule, and say so.
 */
export const milestoneKindDescription = `纵向：${milestoneNames('vertical')}；横向：${milestoneNames('horizontal')}（本联合体设置 Consortium Setting） Government-funded and enterprise-commissioned projects each have their own milestones`;

export const projectFields: FieldDef[] = [
	{ key: 'projectNo', label: '项目编号 Project No.', type: 'string', required: true },
	{ key: 'name', label: '项目名称 Project Name', type: 'string', required: true },
	{
		key: 'category',
		label: '项目类别 Category',
		type: 'options',
		options: categoryOptions,
		required: true,
		default: 'vertical',
	},
	{
		key: 'pi',
		label: '项目负责人 PI',
		type: 'string',
		required: true,
		placeholder: 'per_… / li@college.edu.cn / 李老师',
		description: PERSON_OR_NAME_REF,
	},
	{
		key: 'level',
		label: '项目级别 Level',
		type: 'options',
		options: levelOptions,
		description: '纵向项目必填 Required for 纵向',
	},
	{
		key: 'fundingBody',
		label: '项目来源 Funding Body',
		type: 'string',
		description: '纵向项目必填 Required for 纵向',
	},
	{
		key: 'client',
		label: '委托单位 Client',
		type: 'string',
		description: `横向项目必填 Required for 横向：${ORGANISATION_REF}；名录外的单位照录 one outside the directory is kept as written`,
	},
	{
		key: 'contractNo',
		label: '合同编号 Contract No.',
		type: 'string',
		description: '横向项目必填 Required for 横向',
	},
	{
		key: 'members',
		label: '项目成员 Members',
		type: 'list',
		description: `${PERSON_OR_NAME_REF}，逗号分隔 separated by commas`,
	},
	{ key: 'budget', label: '预算（元） Budget', type: 'number' },
	{ key: 'startDate', label: '开始日期 Start Date', type: 'date' },
	{ key: 'endDate', label: '结束日期 End Date', type: 'date' },
	{ key: 'status', label: '状态 Status', type: 'options', options: projectStatusOptions },
	{ key: 'statusOn', label: '状态日期 Status Date', type: 'date' },
	{
		key: 'openingDue',
		label: '开题日期 Opening Due',
		type: 'date',
		description: '纵向项目 Government-funded projects',
	},
	{
		key: 'midtermDue',
		label: '中期检查日期 Mid-term Due',
		type: 'date',
		description: '纵向项目 Government-funded projects',
	},
	{
		key: 'contractDue',
		label: '合同签订日期 Contract Due',
		type: 'date',
		description: '横向项目 Enterprise-commissioned projects',
	},
	{
		key: 'deliveryDue',
		label: '交付验收日期 Delivery Due',
		type: 'date',
		description:
			'横向项目：合同约定的交付与验收 Enterprise-commissioned: delivery and acceptance as the contract fixes',
	},
	{ key: 'closingDue', label: '结题日期 Closing Due', type: 'date' },
	{ key: 'notes', label: '备注 Notes', type: 'string' },
];

export const projectFilters: FieldDef[] = [
	{ key: 'status', label: '状态 Status', type: 'options', options: projectStatusOptions },
	{ key: 'category', label: '项目类别 Category', type: 'options', options: categoryOptions },
	{ key: 'level', label: '项目级别 Level', type: 'options', options: levelOptions },
	{ key: 'piId', label: '项目负责人 PI', type: 'string' },
	{ key: 'projectNo', label: '项目编号 Project No.', type: 'string' },
];

export const projectHeaderAliases: Record<string, string> = {
	负责人: 'pi',
	主持人: 'pi',
	项目类型: 'category',
	类别: 'category',
	级别: 'level',
	来源: 'fundingBody',
	立项单位: 'fundingBody',
	合作企业: 'client',
	委托方: 'client',
	合同号: 'contractNo',
	成员: 'members',
	经费: 'budget',
	合同经费: 'budget',
	开始时间: 'startDate',
	结束时间: 'endDate',
	开题时间: 'openingDue',
	中期检查时间: 'midtermDue',
	合同签订时间: 'contractDue',
	验收时间: 'deliveryDue',
	交付验收时间: 'deliveryDue',
	结题时间: 'closingDue',
};
