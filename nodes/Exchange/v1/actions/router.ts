import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { route } from '../../../shared/router';
import * as compliance from './compliance';
import * as engagement from './engagement';
import * as placement from './placement';
import * as station from './station';
import * as weeklyLog from './weeklyLog';

export const resources = {
	station: station.operations,
	placement: placement.operations,
	weeklyLog: weeklyLog.operations,
	engagement: engagement.operations,
	compliance: compliance.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return route.call(this, resources);
}
