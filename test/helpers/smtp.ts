import type { AddressInfo } from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTPServer } = require('smtp-server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simpleParser } = require('mailparser');

/** What the assertions read from a received message. */
export interface ReceivedMail {
	to: string[];
	cc: string[];
	envelope: string[];
	subject: string;
	text: string;
	html: string;
}

/** The messages delivered to `address` (to, cc or bcc) since the `since`-th. */
export const mailsTo = (smtp: LoopbackSmtp, address: string, since = 0) =>
	smtp.mails.slice(since).filter((m) => m.envelope.includes(address));

/** The approver's link, as the approver finds it in the text part of the email they received. */
export function approvalLinkIn(mail: ReceivedMail): string {
	const link = /(http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/[^\s"<>]+)/.exec(mail.text)?.[1];
	if (!link) throw new Error(`no approval link in mail "${mail.subject}"`);
	return link.replace(/&amp;/g, '&');
}

const addresses = (field: unknown): string[] =>
	field
		? ([] as Array<{ value: Array<{ address: string }> }>)
				.concat(field as never)
				.flatMap((f) => f.value.map((v) => v.address))
		: [];

export interface LoopbackSmtp {
	port: number;
	/** Each message summarised for assertions. */
	mails: ReceivedMail[];
	/** Each message exactly as mailparser reads it, attachments included (same order as `mails`). */
	parsed: any[];
	/** Each message's SMTP envelope recipients (to + cc + bcc as actually delivered). */
	envelopes: string[][];
	/** The Send Email node's `smtp` credential, as n8n stores it. */
	credential: {
		user: string;
		password: string;
		host: string;
		port: number;
		secure: boolean;
		disableStartTls: boolean;
	};
	close(): Promise<void>;
}

/** A real SMTP server on loopback (no TLS, no auth) that keeps every message it accepts, parsed. */
export async function startSmtp(): Promise<LoopbackSmtp> {
	const mails: ReceivedMail[] = [];
	const parsed: any[] = [];
	const envelopes: string[][] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(
			stream: NodeJS.ReadableStream,
			session: { envelope: { rcptTo: Array<{ address: string }> } },
			callback: (e?: Error) => void,
		) {
			simpleParser(stream).then(
				(mail: {
					to?: unknown;
					cc?: unknown;
					subject?: string;
					text?: string;
					html?: string | false;
				}) => {
					parsed.push(mail);
					envelopes.push(session.envelope.rcptTo.map((r) => r.address));
					mails.push({
						to: addresses(mail.to),
						cc: addresses(mail.cc),
						envelope: session.envelope.rcptTo.map((r) => r.address),
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						html: mail.html || '',
					});
					callback();
				},
				callback,
			);
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		mails,
		parsed,
		envelopes,
		credential: {
			user: '',
			password: '',
			host: '127.0.0.1',
			port,
			secure: false,
			disableStartTls: true,
		},
		close: () => new Promise<void>((resolve) => server.close(resolve)),
	};
}
