import { exportData } from './export.operation';
import { generateFormRecommendations } from './generateFormRecommendations.operation';
import { generateGaitRecommendations } from './generateGaitRecommendations.operation';
import { generateSummary } from './generateSummary.operation';
import { get } from './get.operation';
import { getFormReport } from './getFormReport.operation';
import { getGaitReport } from './getGaitReport.operation';
import { getSummary } from './getSummary.operation';
import { getTotalMetrics } from './getTotalMetrics.operation';
import { upload } from './upload.operation';

/** Operations of the Running resource. */
export const runningOperations = [
	exportData,
	generateFormRecommendations,
	generateGaitRecommendations,
	generateSummary,
	get,
	getFormReport,
	getGaitReport,
	getSummary,
	getTotalMetrics,
	upload,
];
