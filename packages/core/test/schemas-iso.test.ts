import { FormAnalysisReport, GaitAnalysisReport, RunningSummary, SessionsResponse, toIsoValue } from '../src/schemas';

describe('ISO 8601 presentation of the API dates (raw values kept beside them)', () => {
  it('a day stays a day, a date-time becomes UTC', () => {
    expect(toIsoValue('05/02/2025')).toBe('2025-02-05');
    expect(toIsoValue('2025-02-05')).toBe('2025-02-05');
    expect(toIsoValue({ date: '05/02/2025', time: '06:00 PM' })).toBe('2025-02-05T18:00:00.000Z');
    expect(toIsoValue('2025-02-05 18:00:00')).toBe('2025-02-05T18:00:00.000Z');
    expect(toIsoValue('31/02/2025')).toBeNull();
    expect(toIsoValue('yesterday')).toBeNull();
    expect(toIsoValue(null)).toBeNull();
  });

  it('report dates, the summary date and the athlete\'s last session get *_iso fields', () => {
    const form = FormAnalysisReport.parse({ date: '05/02/2025', user_info: { last_session: '04/02/2025' } });
    expect(form).toMatchObject({ date: '05/02/2025', date_iso: '2025-02-05' });
    expect(form.user_info).toMatchObject({ last_session: '04/02/2025', last_session_iso: '2025-02-04' });
    const gait = GaitAnalysisReport.parse({ date: '06/02/2025' });
    expect(gait).toMatchObject({ date: '06/02/2025', date_iso: '2025-02-06' });
    expect(RunningSummary.parse({ session_date: '07/02/2025' })).toMatchObject({ session_date_iso: '2025-02-07' });
  });

  it('a listed session carries created_at_iso and uploaded_date_iso', () => {
    const { sessions } = SessionsResponse.parse({
      sessions: { a1: { created_at: { date: '05/02/2025', time: '06:00 PM' }, uploaded_date: '2025-02-05T18:01:00' } },
    });
    expect(sessions[0]).toMatchObject({ created_at_iso: '2025-02-05T18:00:00.000Z', uploaded_date_iso: '2025-02-05T18:01:00.000Z' });
  });

  it('absent dates add no field', () => {
    expect(Object.keys(GaitAnalysisReport.parse({}))).not.toContain('date_iso');
  });
});
