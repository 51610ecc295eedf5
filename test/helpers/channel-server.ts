import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the three platforms on 127.0.0.1: each path checks the fields its API page
 * names as required and answers as the platform does, or 400 with what is wrong. There is no
 * internet here; the shapes are those the builders cite.
 */
type Check = (body: any, query: URLSearchParams) => { errors: string[]; link?: string };

const str = (v: unknown) => typeof v === 'string' && v.length > 0;
const bytes = (v: string) => Buffer.byteLength(v, 'utf8');
const need = (errors: string[], ok: boolean, what: string) => {
	if (!ok) errors.push(what);
};

const checks: Record<string, { check: Check; ok: unknown }> = {
	'/cgi-bin/message/send': {
		ok: { errcode: 0, errmsg: 'ok', invaliduser: '' },
		check: (b, q) => {
			const e: string[] = [];
			need(e, str(q.get('access_token')), 'access_token');
			need(e, str(b.touser), 'touser');
			need(e, b.msgtype === 'textcard', 'msgtype');
			need(e, Number.isInteger(b.agentid), 'agentid');
			const c = b.textcard ?? {};
			need(e, str(c.title) && bytes(c.title) <= 128, 'textcard.title');
			need(e, str(c.description) && bytes(c.description) <= 512, 'textcard.description');
			need(e, str(c.url) && bytes(c.url) <= 2048, 'textcard.url');
			need(e, c.btntxt === undefined || [...String(c.btntxt)].length <= 4, 'textcard.btntxt');
			return { errors: e, link: c.url };
		},
	},
	'/cgi-bin/webhook/send': {
		ok: { errcode: 0, errmsg: 'ok' },
		check: (b, q) => {
			const e: string[] = [];
			need(e, str(q.get('key')), 'key');
			need(e, b.msgtype === 'markdown', 'msgtype');
			need(e, str(b.markdown?.content) && bytes(b.markdown.content) <= 4096, 'markdown.content');
			return { errors: e, link: /\]\(([^)]+)\)/.exec(b.markdown?.content ?? '')?.[1] };
		},
	},
	'/topapi/message/corpconversation/asyncsend_v2': {
		ok: { errcode: 0, errmsg: 'ok', task_id: 256271667526, request_id: '4jzllmte0wau' },
		check: (b, q) => {
			const e: string[] = [];
			need(e, str(q.get('access_token')), 'access_token');
			need(e, Number.isInteger(b.agent_id), 'agent_id');
			need(e, str(b.userid_list) && b.userid_list.split(',').length <= 5000, 'userid_list');
			need(e, b.msg?.msgtype === 'action_card', 'msg.msgtype');
			const c = b.msg?.action_card ?? {};
			need(e, str(c.title) && str(c.markdown), 'action_card.title/markdown');
			need(e, str(c.single_title) && str(c.single_url), 'action_card.single_title/single_url');
			return { errors: e, link: c.single_url };
		},
	},
	'/robot/send': {
		ok: { errcode: 0, errmsg: 'ok' },
		check: (b, q) => {
			const e: string[] = [];
			need(e, str(q.get('access_token')), 'access_token');
			if (b.msgtype === 'actionCard') {
				const c = b.actionCard ?? {};
				need(e, str(c.title) && str(c.text), 'actionCard.title/text');
				need(e, str(c.singleTitle) && str(c.singleURL), 'actionCard.singleTitle/singleURL');
				return { errors: e, link: c.singleURL };
			}
			need(e, b.msgtype === 'markdown', 'msgtype');
			need(e, str(b.markdown?.title) && str(b.markdown?.text), 'markdown.title/text');
			return { errors: e, link: /\]\(([^)]+)\)/.exec(b.markdown?.text ?? '')?.[1] };
		},
	},
	'/open-apis/im/v1/messages': {
		ok: {
			code: 0,
			msg: 'success',
			data: { message_id: 'om_dc13264520392913993dd051dba21dcf', msg_type: 'interactive' },
		},
		check: (b, q) => {
			const e: string[] = [];
			need(
				e,
				['open_id', 'user_id', 'union_id', 'email', 'chat_id'].includes(
					q.get('receive_id_type') ?? '',
				),
				'receive_id_type',
			);
			need(e, str(b.receive_id), 'receive_id');
			need(e, b.msg_type === 'interactive', 'msg_type');
			need(e, typeof b.content === 'string', 'content must be a JSON string');
			let card: any = {};
			try {
				card = JSON.parse(b.content);
			} catch {
				e.push('content is not JSON');
			}
			return { errors: e.concat(cardErrors(card)), link: cardLink(card) };
		},
	},
	'/open-apis/bot/v2/hook/': {
		ok: { code: 0, msg: 'success', data: {} },
		check: (b) => {
			const e: string[] = [];
			need(e, b.msg_type === 'interactive', 'msg_type');
			need(e, typeof b.card === 'object' && b.card !== null, 'card');
			return { errors: e.concat(cardErrors(b.card ?? {})), link: cardLink(b.card ?? {}) };
		},
	},
};

function cardButtons(card: any): any[] {
	return (card.elements ?? [])
		.filter((el: any) => el.tag === 'action')
		.flatMap((el: any) => el.actions ?? [])
		.filter((a: any) => a.tag === 'button');
}
function cardLink(card: any): string | undefined {
	return cardButtons(card)[0]?.url;
}
function cardErrors(card: any): string[] {
	const e: string[] = [];
	need(
		e,
		card.header?.title?.tag === 'plain_text' && str(card.header?.title?.content),
		'card.header.title',
	);
	need(e, Array.isArray(card.elements) && card.elements.length > 0, 'card.elements');
	need(
		e,
		cardButtons(card).some(
			(btn) => btn.text?.tag === 'plain_text' && str(btn.text?.content) && str(btn.url),
		),
		'card button with text and url',
	);
	return e;
}

export interface ChannelServer {
	base: string;
	/** Each accepted message: the API path and the decision link found in it. */
	received: Array<{ path: string; link?: string }>;
	/** The accepted bodies, in the order received. */
	bodies: unknown[];
	close(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1, port 0. */
export async function startChannelServer(): Promise<ChannelServer> {
	const received: ChannelServer['received'] = [];
	const bodies: unknown[] = [];
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const path = Object.keys(checks).find((p) =>
			p.endsWith('/') ? url.pathname.startsWith(p) : url.pathname === p,
		);
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const reply = (status: number, body: unknown) => {
				res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
				res.end(JSON.stringify(body));
			};
			if (
				!path ||
				req.method !== 'POST' ||
				!/^application\/json/.test(req.headers['content-type'] ?? '')
			)
				return reply(404, { errcode: 404 });
			let body: unknown;
			try {
				body = JSON.parse(raw);
			} catch {
				return reply(400, { errors: ['body is not JSON'] });
			}
			const { errors, link } = checks[path].check(body, url.searchParams);
			if (errors.length > 0) return reply(400, { errors });
			received.push({ path, link });
			bodies.push(body);
			reply(200, checks[path].ok);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		received,
		bodies,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
