import { flatten, type Flat, type OutputField } from './flatten';

/**
 * The weightlifting lift analysis. The API documents it only as "analysis images and
 * multilingual recommendations", so every text and image URL is flattened as it comes
 * (e.g. `recommendations__en__bar_path`), with the exercise and a readiness flag on top.
 */
export function presentLiftAnalysis(sessionId: string, report: Record<string, unknown>): Flat {
  const out: Flat = { id: sessionId, session_id: sessionId };
  out.exercise = typeof report.exercise === 'string' ? report.exercise : null;
  const { session_id: _ignored, exercise: _e, ...rest } = report;
  flatten(rest, '', out);
  return out;
}

/** Labels for the fields every lift analysis has. */
export const liftAnalysisOutputFields: OutputField[] = [
  { key: 'id', label: 'Session ID' },
  { key: 'exercise', label: 'Exercise' },
  { key: 'images__start_position', label: 'Start Position Image URL' },
  { key: 'images__bottom_position', label: 'Bottom Position Image URL' },
  { key: 'images__end_position', label: 'End Position Image URL' },
  { key: 'analysis__en', label: 'Analysis (English)' },
  { key: 'recommendations__en', label: 'Recommendations (English)' },
];

/** A realistic lift analysis. */
export const liftAnalysisSample: Flat = {
  id: 'k3Jd82LmQp0aZx71BvTe',
  session_id: 'k3Jd82LmQp0aZx71BvTe',
  exercise: 'Back Squat',
  images__start_position: 'https://storage.googleapis.com/aikynetix-reports/k3Jd82LmQp0aZx71BvTe/start.jpg',
  images__bottom_position: 'https://storage.googleapis.com/aikynetix-reports/k3Jd82LmQp0aZx71BvTe/bottom.jpg',
  images__end_position: 'https://storage.googleapis.com/aikynetix-reports/k3Jd82LmQp0aZx71BvTe/end.jpg',
  analysis__en: 'Depth reached 0.38 m with a 53.5° torso lean. Keep the bar over mid-foot.',
  recommendations__en: 'Depth is good (hip crease below knee). Keep the chest up out of the hole: the torso angle opens 9° early.',
  analysis__es: 'Profundidad de 0.38 m con una inclinación del torso de 53.5°. Mantén la barra sobre el medio del pie.',
};
