import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { route } from '../../../shared/router';
import * as organisation from './organisation';
import * as person from './person';
import * as scoreboard from './scoreboard';
import * as targets from './targets';
import * as indicatorEntry from './indicatorEntry';
import * as calendar from './calendar';

export const resources = {
	organisation: organisation.operations,
	person: person.operations,
	scoreboard: scoreboard.operations,
	targets: targets.operations,
	indicatorEntry: indicatorEntry.operations,
	calendar: calendar.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return route.call(this, resources);
}
