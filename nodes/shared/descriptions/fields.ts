import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/**
 * One field of a record as the editor shows it. Operations build their parameters from
 * these lists, so a record's fields are described once for create, update, upsert and bulk.
 */
export interface FieldDef {
	/** The parameter and domain key, in English. */
	key: string;
	/** Chinese first, English beside: `课程名称 Course Name`. */
	label: string;
	type: 'string' | 'number' | 'boolean' | 'options' | 'date' | 'list' | 'json';
	required?: boolean;
	options?: INodePropertyOptions[];
	description?: string;
	placeholder?: string;
	default?: string | number | boolean;
}

function defaultFor(field: FieldDef): string | number | boolean {
	if (field.default !== undefined) return field.default;
	if (field.type === 'number') return 0;
	if (field.type === 'boolean') return false;
	if (field.type === 'options') return String(field.options?.[0]?.value ?? '');
	return '';
}

export function toProperty(field: FieldDef): INodeProperties {
	const type = field.type === 'date' ? 'string' : field.type === 'list' ? 'string' : field.type;
	const property: INodeProperties = {
		displayName: field.label,
		name: field.key,
		type: type as INodeProperties['type'],
		default: defaultFor(field),
		description:
			field.description ??
			(field.type === 'list'
				? '多个值用逗号分隔 Separate values with commas'
				: field.type === 'date'
					? '日期 YYYY-MM-DD'
					: undefined),
		placeholder: field.placeholder ?? (field.type === 'date' ? '2026-09-01' : undefined),
	};
	if (field.type === 'options') property.options = field.options;
	if (field.required) property.required = true;
	return property;
}

/** Required fields as their own boxes, the rest in an "additional fields" collection. */
export function fieldProperties(
	fields: FieldDef[],
	collectionName = 'additionalFields',
): INodeProperties[] {
	const required = fields.filter((f) => f.required).map((f) => toProperty(f));
	const optional = fields.filter((f) => !f.required);
	if (optional.length === 0) return required;
	return [
		...required,
		{
			displayName:
				collectionName === 'updateFields'
					? '要更新的字段 Update Fields'
					: '其他字段 Additional Fields',
			name: collectionName,
			type: 'collection',
			placeholder: '添加字段 Add Field',
			default: {},
			options: optional
				.map((f) => toProperty({ ...f, required: false }))
				.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	];
}

/** Every field in one collection, for update where nothing is required. */
export function updateFieldProperties(fields: FieldDef[]): INodeProperties[] {
	return fieldProperties(
		fields.map((f) => ({ ...f, required: false })),
		'updateFields',
	);
}

/** Reads the values the user set for these fields on item `i`. */
export function readFields(
	ctx: IExecuteFunctions,
	i: number,
	fields: FieldDef[],
	collectionName = 'additionalFields',
): IDataObject {
	const out: IDataObject = {};
	for (const f of fields.filter((f) => f.required && collectionName !== 'updateFields')) {
		out[f.key] = ctx.getNodeParameter(f.key, i) as IDataObject[string];
	}
	const collection = ctx.getNodeParameter(collectionName, i, {}) as IDataObject;
	for (const f of fields) {
		if (collection[f.key] !== undefined) out[f.key] = collection[f.key];
	}
	return out;
}

/**
 * Spreadsheet columns may be headed by the key (`name`), the full label (`单位名称 Name`),
 * or either half of it (`单位名称`, `Name`). Maps such a row onto field keys.
 */
export function rowToInput(row: IDataObject, fields: FieldDef[]): IDataObject {
	const byHeader = new Map<string, string>();
	const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
	for (const f of fields) {
		byHeader.set(norm(f.key), f.key);
		byHeader.set(norm(f.label), f.key);
		const [chinese, ...english] = f.label.split(' ');
		byHeader.set(norm(chinese), f.key);
		if (english.length) byHeader.set(norm(english.join(' ')), f.key);
	}
	const out: IDataObject = {};
	for (const [header, value] of Object.entries(row)) {
		const key = byHeader.get(norm(header));
		if (key && value !== '' && value !== null && value !== undefined)
			out[key] = optionValue(fields.find((f) => f.key === key)!, value);
	}
	return out;
}

/** A spreadsheet writes an option as people read it (`企业`, `企业 Enterprise`); the store wants its value. */
function optionValue(field: FieldDef, value: IDataObject[string]): IDataObject[string] {
	if (field.type !== 'options' || typeof value !== 'string') return value;
	const text = value.trim();
	const option = field.options?.find(
		(o) => o.value === text || o.name === text || o.name.split(' ')[0] === text,
	);
	return option ? option.value : value;
}
