import { addOrganisationReference } from '../directory';
import { fieldKey, Repository, type EntitySpec } from '../store/repository';
import { ValidationError } from '../util/errors';
import {
	oneOf,
	optionalDate,
	optionalEmail,
	optionalNumber,
	optionalText,
	requiredText,
} from '../util/validate';
import { requireOrganisation } from '../directory/lookup';

export const STATION_KINDS = ['station', 'base'] as const;
export const STATION_KIND_LABELS: Record<(typeof STATION_KINDS)[number], string> = {
	station: '教师实践流动站 Practice Station',
	base: '企业实践基地 Practice Base',
};

export interface StationInput {
	name: string;
	organisationId: string;
	kind?: (typeof STATION_KINDS)[number];
	capacity: number;
	contactName?: string | null;
	contactPhone?: string | null;
	contactEmail?: string | null;
	address?: string | null;
	recognisedFrom?: string | null;
	recognisedTo?: string | null;
}

export interface Station {
	id: string;
	name: string;
	organisationId: string;
	kind: string;
	kindLabel: string;
	capacity: number;
	contactName: string | null;
	contactPhone: string | null;
	contactEmail: string | null;
	address: string | null;
	recognisedFrom: string | null;
	recognisedTo: string | null;
	createdAt: string;
	updatedAt: string;
}

const spec: EntitySpec<StationInput, Station> = {
	table: 'exchange_station',
	entityType: 'exchange_station',
	idPrefix: 'stn',
	async toColumns(input, tx) {
		// found by id or registered name, as a form or sheet gives it; the id found is what is stored
		const organisationRef = requiredText(
			input.organisationId,
			'organisationId',
			'所属企业 Enterprise',
			200,
		);
		const organisationId = (
			await requireOrganisation(tx, organisationRef, 'organisationId', '所属企业 Enterprise')
		).id;
		const recognisedFrom = optionalDate(
			input.recognisedFrom,
			'recognisedFrom',
			'认定起始 Recognised From',
		);
		const recognisedTo = optionalDate(input.recognisedTo, 'recognisedTo', '认定截止 Recognised To');
		if (recognisedFrom && recognisedTo && recognisedTo < recognisedFrom) {
			throw new ValidationError(
				`认定截止 ${recognisedTo} 早于认定起始 ${recognisedFrom} / Recognised To ${recognisedTo} is before Recognised From ${recognisedFrom}`,
				'recognisedTo',
				'range',
			);
		}
		const capacity = optionalNumber(input.capacity, 'capacity', '容量 Capacity', {
			min: 1,
			integer: true,
		});
		if (capacity === null)
			throw new ValidationError('容量为必填项 / Capacity is required', 'capacity', 'required');
		return {
			name: requiredText(input.name, 'name', '站点名称 Name', 200),
			organisation_id: organisationId,
			kind: oneOf(input.kind ?? 'station', 'kind', '类型 Kind', STATION_KINDS),
			capacity,
			contact_name: optionalText(input.contactName, 'contactName', '联系人 Contact', 100),
			contact_phone: optionalText(input.contactPhone, 'contactPhone', '联系电话 Contact Phone', 40),
			contact_email: optionalEmail(input.contactEmail, 'contactEmail', '联系邮箱 Contact Email'),
			address: optionalText(input.address, 'address', '地址 Address', 300),
			recognised_from: recognisedFrom,
			recognised_to: recognisedTo,
		};
	},
	fromRow(row) {
		return {
			id: row.id,
			name: row.name,
			organisationId: row.organisation_id,
			kind: row.kind,
			kindLabel: STATION_KIND_LABELS[row.kind as (typeof STATION_KINDS)[number]] ?? row.kind,
			capacity: Number(row.capacity),
			contactName: row.contact_name,
			contactPhone: row.contact_phone,
			contactEmail: row.contact_email,
			address: row.address,
			recognisedFrom: row.recognised_from,
			recognisedTo: row.recognised_to,
			createdAt: row.created_at,
			updatedAt: row.updated_at,
		};
	},
	naturalKey: fieldKey<StationInput>('name', 'name'),
	referencedBy: [{ table: 'exchange_placement', column: 'station_id' }],
	filters: { organisationId: 'organisation_id', kind: 'kind' },
};

export const stations = new Repository(spec);

addOrganisationReference('exchange_station', 'organisation_id');
