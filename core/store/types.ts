export type Dialect = 'sqlite' | 'postgres';

export interface StoreConfig {
	type: Dialect;
	/** SQLite file; defaults to `consortium.sqlite` in n8n's user folder. */
	sqlitePath?: string;
	host?: string;
	port?: number;
	database?: string;
	user?: string;
	password?: string;
	ssl?: boolean;
	/** PostgreSQL pool size. */
	maxConnections?: number;
}

export interface ConsortiumSettings {
	/** IANA zone for showing and scheduling; instants are stored in UTC. */
	timeZone: string;
	/** Secret for signing approval links and anti-forgery fields. */
	linkSecret: string;
	/**
	 * The consortium's own apps on WeCom and DingTalk (their AgentId), for app messages to
	 * approvers; absent, notices carry only the group-robot payloads for that platform.
	 */
	chatApps?: { wecomAgentId?: number; dingtalkAgentId?: number };
}
