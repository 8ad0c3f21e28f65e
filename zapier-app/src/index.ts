import zapier from 'zapier-platform-core';
import { authentication } from './authentication';
import { addAuthHeaders } from './middleware';
import analyzedVideoUrl from './searches/analyzed_video_url';
import findAthlete from './searches/find_athlete';
import findSession from './searches/find_session';
import gaitAnalysisReport from './searches/gait_analysis_report';
import liftAnalysis from './searches/lift_analysis';
import runningFormReport from './searches/running_form_report';
import runningSummary from './searches/running_summary';
import sessionDetails from './searches/session_details';
import sessionExport from './searches/session_export';
import totalMetrics from './searches/total_metrics';
import deleteSession from './creates/delete_session';
import generateAnalyzedVideo from './creates/generate_analyzed_video';
import generateFormRecommendations from './creates/generate_form_recommendations';
import generateGaitRecommendations from './creates/generate_gait_recommendations';
import generateSummary from './creates/generate_summary';
import updateSession from './creates/update_session';
import uploadVideo from './creates/upload_video';
import activityList from './triggers/activity_list';
import athleteList from './triggers/athlete_list';
import newSession from './triggers/new_session';
import sessionFailed from './triggers/session_failed';
import sessionList from './triggers/session_list';
import sessionProcessed from './triggers/session_processed';

const byKey = <T extends { key: string }>(...items: T[]): Record<string, T> =>
  Object.fromEntries(items.map((i) => [i.key, i]));

// The package version, read at runtime so the bundle never goes stale against package.json.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

/** The AIKYNETIX Zapier app definition. */
const App = {
  version,
  platformVersion: zapier.version,
  authentication,
  // Every request already goes through z.request (and is logged there); the global http patch
  // would log each API call twice and watch multi-GB video downloads byte by byte.
  flags: { skipHttpPatch: true },
  beforeRequest: [addAuthHeaders],
  afterResponse: [],
  triggers: byKey(sessionProcessed, newSession, sessionFailed, sessionList, activityList, athleteList),
  searches: byKey(
    findSession,
    findAthlete,
    gaitAnalysisReport,
    runningSummary,
    runningFormReport,
    sessionDetails,
    sessionExport,
    totalMetrics,
    analyzedVideoUrl,
    liftAnalysis,
  ),
  creates: byKey(
    uploadVideo,
    generateSummary,
    generateAnalyzedVideo,
    generateFormRecommendations,
    generateGaitRecommendations,
    updateSession,
    deleteSession,
  ),
};

export = App;
