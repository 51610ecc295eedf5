import { randomFillSync } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastTime = 0;
let lastRandom: number[] = [];

// Ids are not secrets: their random part is drawn from a pool filled 4 KB at a time, as
// one call to the system's generator per id cost more than the rest of writing an audit row.
const randomPool = Buffer.alloc(4096);
let poolOffset = randomPool.length;
function randomDigits(count: number): number[] {
	if (poolOffset + count > randomPool.length) {
		randomFillSync(randomPool);
		poolOffset = 0;
	}
	const digits = Array.from(randomPool.subarray(poolOffset, poolOffset + count), (b) => b % 32);
	poolOffset += count;
	return digits;
}

function encodeTime(time: number): string {
	let out = '';
	for (let i = 0; i < 10; i++) {
		out = CROCKFORD[time % 32] + out;
		time = Math.floor(time / 32);
	}
	return out;
}

/**
 * A ULID (time-ordered, 80 random bits) with a readable prefix: `org_01J…`.
 * Within one millisecond the random part is incremented, so ids made by one process sort
 * in creation order — keyset pagination by id then follows insertion order.
 */
export function newId(prefix: string): string {
	const now = Date.now();
	if (now === lastTime && lastRandom.length) {
		for (let i = lastRandom.length - 1; i >= 0; i--) {
			if (lastRandom[i] < 31) {
				lastRandom[i]++;
				break;
			}
			lastRandom[i] = 0;
		}
	} else {
		lastTime = now;
		lastRandom = randomDigits(16);
	}
	return `${prefix}_${encodeTime(now)}${lastRandom.map((d) => CROCKFORD[d]).join('')}`;
}

export function nowIso(): string {
	return new Date().toISOString();
}
