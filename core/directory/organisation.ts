import { ValidationError } from '../util/errors';
import {
	oneOf,
	optionalDate,
	optionalEmail,
	optionalText,
	requiredText,
	textList,
} from '../util/validate';
import { Repository, type EntitySpec } from '../store/repository';
import { checkCreditCode } from './credit-code';

export const ORGANISATION_KINDS = [
	'school',
	'enterprise',
	'government',
	'research',
	'association',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
	school: '学校 School',
	enterprise: '企业 Enterprise',
	government: '政府部门 Government',
	research: '科研机构 Research Body',
	association: '行业协会 Industry Association',
};

export interface OrganisationInput {
	name: string;
	kind: OrganisationKind;
	creditCode?: string | null;
	contactName?: string | null;
	contactEmail?: string | null;
	contactPhone?: string | null;
	memberSince?: string | null;
	/** Roles in the consortium: 理事长单位, 理事单位, 成员单位 … */
	roles?: string[] | string;
}

export interface Organisation {
	id: string;
	name: string;
	kind: OrganisationKind;
	creditCode: string | null;
	contactName: string | null;
	contactEmail: string | null;
	contactPhone: string | null;
	memberSince: string | null;
	roles: string[];
	createdAt: string;
	updatedAt: string;
}

const spec: EntitySpec<OrganisationInput, Organisation> = {
	table: 'organisation',
	entityType: 'organisation',
	idPrefix: 'org',
	async toColumns(input) {
		let creditCode = optionalText(
			input.creditCode,
			'creditCode',
			'统一社会信用代码 Credit Code',
			40,
		);
		if (creditCode) {
			const check = checkCreditCode(creditCode);
			if (!check.ok)
				throw new ValidationError(
					`统一社会信用代码 Credit Code "${creditCode}": ${check.reason}`,
					'creditCode',
					'credit_code',
				);
			creditCode = check.code;
		}
		return {
			name: requiredText(input.name, 'name', '单位名称 Name', 200),
			kind: oneOf(input.kind, 'kind', '单位类型 Kind', ORGANISATION_KINDS),
			credit_code: creditCode,
			contact_name: optionalText(input.contactName, 'contactName', '联系人 Contact', 100),
			contact_email: optionalEmail(input.contactEmail, 'contactEmail', '联系邮箱 Contact Email'),
			contact_phone: optionalText(input.contactPhone, 'contactPhone', '联系电话 Contact Phone', 40),
			member_since: optionalDate(input.memberSince, 'memberSince', '加入日期 Member Since'),
			roles: JSON.stringify(textList(input.roles, 'roles', '联合体角色 Roles')),
		};
	},
	fromRow(row) {
		return {
			id: row.id,
			name: row.name,
			kind: row.kind,
			creditCode: row.credit_code,
			contactName: row.contact_name,
			contactEmail: row.contact_email,
			contactPhone: row.contact_phone,
			memberSince: row.member_since,
			roles: typeof row.roles === 'string' ? JSON.parse(row.roles) : row.roles,
			createdAt: row.created_at,
			updatedAt: row.updated_at,
		};
	},
	naturalKey(input) {
		const code =
			typeof input.creditCode === 'string' && input.creditCode.trim()
				? checkCreditCode(input.creditCode)
				: null;
		if (code?.ok) return { column: 'credit_code', value: code.code, field: 'creditCode' };
		if (typeof input.name === 'string' && input.name.trim())
			return { column: 'name', value: input.name.trim(), field: 'name' };
		return null;
	},
	unique: [
		{ column: 'name', field: 'name' },
		{ column: 'credit_code', field: 'creditCode' },
	],
	referencedBy: [{ table: 'person', column: 'organisation_id' }],
	filters: { kind: 'kind', name: 'name', creditCode: 'credit_code' },
};

export const organisations = new Repository(spec);

/** Registers another table that refers to organisations, so delete checks it too. */
export function addOrganisationReference(table: string, column: string): void {
	spec.referencedBy!.push({ table, column });
}
