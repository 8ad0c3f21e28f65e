/**
 * What a model needs beyond the registry's one-line description to pick the right tool: when to
 * use it and what to call next. Keyed by operation id; an operation missing here still gets a
 * tool (described from the registry alone), and a test lists any that lack guidance.
 */
export interface Guidance {
  when?: string;
  next?: string;
}

export const GUIDANCE: Readonly<Record<string, Guidance>> = {
  'sessions.listAll': {
    when: 'Use on small accounts or to get an overview; prefer find_sessions to search by athlete, date, title or status.',
    next: 'take a session ID into get_running_session, get_gait_analysis_report or get_running_summary.',
  },
  'sessions.getByIds': {
    when: 'Use when you already hold session IDs and need their status or metrics.',
    next: 'if a status is processing, call wait_for_session.',
  },
  'sessions.filter': {
    when: 'Use to find a session ID from what the user says (athlete user ID, day, title words, processed or failed).',
    next: "pass a result's ID to the report tools; page on with start_after_id set to the last ID.",
  },
  'sessions.update': {
    when: 'Use only when the user asks to rename a session or correct its date.',
  },
  'sessions.delete': {
    when: 'Use only when the user explicitly asks to delete; it cannot be undone, so confirm the session with them first.',
  },
  'sessions.getAnalyzedVideo': {
    when: 'Use to give the user a link to watch the analyzed video (pose overlay) of a processed session.',
  },
  'sessions.generateAnalyzedVideo': {
    when: 'Use when get_analyzed_video returns no link; it renders the video again, so do not repeat it needlessly.',
  },
  'running.createSession': {
    when: 'Use to analyse a new running video.',
    next: 'call wait_for_session with the returned session_id, then the report tools.',
  },
  'running.get': {
    when: 'Use for the full record of one processed running session.',
    next: 'get_gait_analysis_report or get_running_summary for interpreted results.',
  },
  'running.getSummary': {
    when: 'Use for the performance summary (speed, cadence, stride...) of a processed running session.',
    next: 'if summary_text is empty, call generate_summary then wait_for_summary_text.',
  },
  'running.generateSummary': {
    when: 'Use when the user wants an AI-written summary and get_running_summary has no summary_text yet.',
    next: 'call wait_for_summary_text with the same session_id; do not call this again while waiting.',
  },
  'running.export': {
    when: 'Use only when the user needs raw frame data for their own analysis; the result is large, so series are summarised here.',
  },
  'running.getFormAnalysis': {
    when: 'Use for running-form questions (posture, arm swing, foot strike) on a processed session.',
    next: 'for AI comments per block, call generate_form_recommendations then wait_for_form_recommendations.',
  },
  'running.getTotalMetrics': {
    when: "Use for an athlete's or account's overall averages and trends across sessions.",
  },
  'running.generateFormRecommendations': {
    when: 'Use when the user wants AI advice on running form and the form report has no comments yet.',
    next: 'call wait_for_form_recommendations with the same session_id.',
  },
  'running.getGaitAnalysis': {
    when: 'Use for gait questions (asymmetry between left and right, joint angles, gait phases) on a processed session.',
    next: 'for AI comments per joint, call generate_gait_recommendations then wait_for_gait_recommendations.',
  },
  'running.generateGaitRecommendations': {
    when: 'Use when the user wants AI advice on gait and the gait report has no comments yet.',
    next: 'call wait_for_gait_recommendations with the same session_id.',
  },
  'jumping.get': { when: 'Use for a vertical-jump session (jump height, flight time, joint angles).' },
  'jumping.export': { when: 'Use only when raw per-frame jump data is needed; series are summarised here.' },
  'weightlifting.get': { when: 'Use for a weightlifting session (exercise metrics, joint angles).' },
  'weightlifting.export': { when: 'Use only when raw per-frame lift data is needed; series are summarised here.' },
  'weightlifting.getLiftAnalysis': { when: 'Use for coaching feedback on a lift (images and recommendations).' },
};
