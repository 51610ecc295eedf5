// A logged-in client for n8n's internal REST API (what the editor itself uses).
const BROWSER_ID = 'consortium-runtime';

class N8nRest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl.replace(/\/?$/, '/');
		this.cookie = '';
	}

	async login(email, password) {
		const res = await this.request(
			'POST',
			'rest/login',
			{ emailOrLdapLoginId: email, password },
			{ raw: true },
		);
		const cookies = res.headers.getSetCookie
			? res.headers.getSetCookie()
			: [res.headers.get('set-cookie')];
		this.cookie = cookies.map((c) => c.split(';')[0]).join('; ');
		return (await res.json()).data;
	}

	async request(method, path, body, { raw = false } = {}) {
		const res = await fetch(this.baseUrl + path, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!res.ok)
			throw new Error(`${method} /${path} → ${res.status} ${(await res.text()).slice(0, 1000)}`);
		if (raw) return res;
		const text = await res.text();
		return text ? JSON.parse(text).data : undefined;
	}

	get(path) {
		return this.request('GET', path);
	}

	post(path, body) {
		return this.request('POST', path, body ?? {});
	}

	patch(path, body) {
		return this.request('PATCH', path, body);
	}
}

module.exports = { N8nRest, BROWSER_ID };
