import { crc32, deflateRawSync } from 'node:zlib';
import { escapeHtml } from './html';

/**
 * A small xlsx writer: worksheets of plain values (text, numbers, booleans) with a bold
 * header row, and optionally a bar chart drawn from the sheet's columns. It exists so nodes
 * can produce multi-sheet workbooks without a spreadsheet dependency; it writes inline
 * strings, which Excel, WPS and LibreOffice all read.
 */
export type CellValue = string | number | boolean | null | undefined;

/** A bar chart of some columns of its sheet: one series per value column, named by its header. */
export interface BarChart {
	title: string;
	/** Column (0-based) holding each bar's label. */
	categoryColumn: number;
	valueColumns: number[];
	/** Horizontal bars (`bar`, the default: long labels stay readable) or vertical (`col`). */
	direction?: 'bar' | 'col';
}

export interface SheetData {
	name: string;
	rows: CellValue[][];
	/** Rows at the top shown bold (headers). */
	headerRows?: number;
	/** Charts of the rows below the header; the series refer to the cells, so an edit redraws them. */
	charts?: BarChart[];
}

/** XML 1.0 forbids most control characters even when escaped; they are dropped. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

const esc = (s: string) => escapeHtml(s.replace(CONTROL, ''));

function column(index: number): string {
	let s = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

export const MAX_CELL_TEXT = 32_767;

function cell(value: CellValue, ref: string, bold: boolean): string {
	const style = bold ? ' s="1"' : '';
	if (value === null || value === undefined || value === '') return '';
	if (typeof value === 'number' && Number.isFinite(value))
		return `<c r="${ref}"${style}><v>${value}</v></c>`;
	if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
	// Excel refuses a whole file ("unreadable content") for one cell over 32,767 characters.
	const text = String(value);
	const fitted = text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
	return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${esc(fitted)}</t></is></c>`;
}

function sheetXml(sheet: SheetData, drawing: boolean): string {
	const rows = sheet.rows
		.map(
			(row, r) =>
				`<row r="${r + 1}">${row.map((v, c) => cell(v, `${column(c)}${r + 1}`, r < (sheet.headerRows ?? 1))).join('')}</row>`,
		)
		.join('');
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows}</sheetData>${drawing ? '<drawing r:id="rId1"/>' : ''}</worksheet>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A sheet name as a formula writes it: quoted, an apostrophe doubled. */
const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;
const absolute = (col: number, row: number) => `$${column(col)}$${row}`;

function cache(values: CellValue[], numeric: boolean): string {
	const points = values
		.map((v, i) =>
			v === null || v === undefined || v === '' || (numeric && typeof v !== 'number')
				? ''
				: `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`,
		)
		.join('');
	return numeric
		? `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`
		: `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

const SERIES_COLOURS = ['1F6FEB', 'F9AB00', '1E7E34', 'B3261E', '5F6368'];

/** A DrawingML chart part whose series refer to the sheet's cells (with cached values for viewers that do not recalculate). */
function chartXml(sheetName: string, sheet: SheetData, chart: BarChart): string {
	const first = (sheet.headerRows ?? 1) + 1;
	const data = sheet.rows.slice(first - 1);
	const last = first + data.length - 1;
	const ref = sheetRef(sheetName);
	const categories = `${ref}!${absolute(chart.categoryColumn, first)}:${absolute(chart.categoryColumn, last)}`;
	const series = chart.valueColumns
		.map(
			(col, i) =>
				`<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${esc(`${ref}!${absolute(col, first - 1)}`)}</c:f>${cache([sheet.rows[first - 2]?.[col]], false)}</c:strRef></c:tx>` +
				`<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
				`<c:cat><c:strRef><c:f>${esc(categories)}</c:f>${cache(
					data.map((r) => r[chart.categoryColumn]),
					false,
				)}</c:strRef></c:cat>` +
				`<c:val><c:numRef><c:f>${esc(`${ref}!${absolute(col, first)}:${absolute(col, last)}`)}</c:f>${cache(
					data.map((r) => r[col]),
					true,
				)}</c:numRef></c:val></c:ser>`,
		)
		.join('');
	const horizontal = (chart.direction ?? 'bar') === 'bar';
	return (
		`${XML_HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
		// Horizontal bars read top-down in sheet order; the value axis then sits at the bottom.
		`<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
		`<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>` +
		`</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
	);
}

/** Places a sheet's charts one under another, right of its columns, tall enough for every bar. */
function drawingXml(sheet: SheetData, firstChart: number): string {
	const width = Math.max(...sheet.rows.map((r) => r.length), 1);
	const height = Math.max(20, Math.ceil(sheet.rows.length * 1.4));
	const anchors = (sheet.charts ?? [])
		.map((_, i) => {
			const top = i * (height + 1);
			return `<xdr:twoCellAnchor><xdr:from><xdr:col>${width + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${width + 13}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top + height}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${firstChart + i}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
		})
		.join('');
	return `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">${anchors}</xdr:wsDr>`;
}

const relationships = (rels: Array<[type: string, target: string]>) =>
	`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
		.map(
			([type, target], i) =>
				`<Relationship Id="rId${i + 1}" Type="${REL_NS}/${type}" Target="${target}"/>`,
		)
		.join('')}</Relationships>`;

/** The drawing and chart parts of every sheet that has charts, numbered across the workbook. */
function chartParts(sheets: SheetData[], names: string[]) {
	const files: Array<[string, string]> = [];
	const overrides: string[] = [];
	let chart = 0;
	sheets.forEach((sheet, s) => {
		const charts = sheet.charts ?? [];
		if (charts.length === 0) return;
		const n = s + 1;
		files.push([
			`xl/worksheets/_rels/sheet${n}.xml.rels`,
			relationships([['drawing', `../drawings/drawing${n}.xml`]]),
		]);
		files.push([`xl/drawings/drawing${n}.xml`, drawingXml(sheet, chart + 1)]);
		overrides.push(
			`<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
		);
		const rels: Array<[string, string]> = [];
		for (const spec of charts) {
			chart++;
			files.push([`xl/charts/chart${chart}.xml`, chartXml(names[s], sheet, spec)]);
			overrides.push(
				`<Override PartName="/xl/charts/chart${chart}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
			);
			rels.push(['chart', `../charts/chart${chart}.xml`]);
		}
		files.push([`xl/drawings/_rels/drawing${n}.xml.rels`, relationships(rels)]);
	});
	return { files, overrides: overrides.join('') };
}

/** Excel refuses names over 31 characters, with []:*?/\ , or used twice. */
export function safeSheetName(name: string, used: Set<string>): string {
	const base =
		name
			.replace(/[[\]:*?/\\]/g, ' ')
			.trim()
			.slice(0, 31) || 'Sheet';
	let candidate = base;
	for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)} ${i}`;
	used.add(candidate.toLowerCase());
	return candidate;
}

export function writeXlsx(sheets: SheetData[]): Buffer {
	const used = new Set<string>();
	const names = sheets.map((s) => safeSheetName(s.name, used));
	const charts = chartParts(sheets, names);
	const files: Array<[string, string]> = [
		[
			'[Content_Types].xml',
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
				.map(
					(_, i) =>
						`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
				)
				.join('')}${charts.overrides}</Types>`,
		],
		[
			'_rels/.rels',
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		],
		[
			'xl/workbook.xml',
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
				.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
				.join('')}</sheets></workbook>`,
		],
		[
			'xl/_rels/workbook.xml.rels',
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
				.map(
					(_, i) =>
						`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
				)
				.join(
					'',
				)}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		],
		[
			'xl/styles.xml',
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
		],
		...sheets.map((s, i): [string, string] => [
			`xl/worksheets/sheet${i + 1}.xml`,
			sheetXml(s, Boolean(s.charts?.length)),
		]),
		...charts.files,
	];
	return zip(files.map(([name, text]) => [name, Buffer.from(text, 'utf8')]));
}

// 1980-01-01 00:00, the zip epoch: a fixed stamp keeps output reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The run of fields a local header and its central-directory record share, from "version needed" to the name's length. */
function writeEntryFields(
	header: Buffer,
	at: number,
	entry: { crc: number; packedSize: number; size: number; nameLength: number },
): void {
	header.writeUInt16LE(20, at);
	header.writeUInt16LE(0x0800, at + 2); // names are UTF-8
	header.writeUInt16LE(8, at + 4); // deflated
	header.writeUInt16LE(DOS_TIME, at + 6);
	header.writeUInt16LE(DOS_DATE, at + 8);
	header.writeUInt32LE(entry.crc, at + 10);
	header.writeUInt32LE(entry.packedSize, at + 14);
	header.writeUInt32LE(entry.size, at + 18);
	header.writeUInt16LE(entry.nameLength, at + 22);
}

/** A zip archive of deflated entries, as the xlsx container requires. */
function zip(entries: Array<[string, Buffer]>): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, data] of entries) {
		const nameBuf = Buffer.from(name, 'utf8');
		const packed = deflateRawSync(data);
		const fields = {
			crc: crc32(data) >>> 0,
			packedSize: packed.length,
			size: data.length,
			nameLength: nameBuf.length,
		};
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		writeEntryFields(local, 4, fields);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4); // made by
		writeEntryFields(central, 6, fields);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBuf, packed);
		centrals.push(central, nameBuf);
		offset += local.length + nameBuf.length + packed.length;
	}
	const centralSize = centrals.reduce((s, b) => s + b.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, ...centrals, end]);
}
