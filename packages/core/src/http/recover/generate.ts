import { AikynetixError, OutcomeUnknownError } from '../../errors';
import { hasText } from '../../polling/text';
import type { AnyOperation } from '../../registry/types';
import { beforeLook, describeLoss, type Recovery, type RecoveryContext } from './index';

/** Pauses before each look: GenAI text appears some time after the request was accepted. */
const LOOK_PAUSES_MS = [0, 1000, 2000, 4000];

/** Where the text of each GenAI generation shows up: the read operation, its field, and its title. */
const TEXT_OF: Record<string, { read: string; field: string; title: string }> = {
  'running.generateSummary': { read: 'running.getSummary', field: 'summary_text', title: 'Get Running Summary' },
  'running.generateFormRecommendations': { read: 'running.getFormAnalysis', field: 'form_comments', title: 'Get Form Analysis Report' },
  'running.generateGaitRecommendations': { read: 'running.getGaitAnalysis', field: 'report_comments', title: 'Get Gait Analysis Report' },
};

/** Analyzed video: its GET returns the video, creating it when missing, so one GET settles the outcome. */
const analyzedVideoRecovery: Recovery = {
  async after(ctx: RecoveryContext) {
    const { read, op, wire, error } = ctx;
    const { session_id, is_jump, is_weight } = wire;
    try {
      const video = (await read('sessions.getAnalyzedVideo', { session_id, is_jump, is_weight }, await beforeLook(ctx, 0))) as Record<string, unknown>;
      if (typeof video.analyzed_video_url === 'string' && video.analyzed_video_url) return { ...video, recovered: true };
    } catch {
      // fall through: say what is known
    }
    throw unknown(op, error, String(session_id), 'Get Analyzed Video');
  },
};

/** GenAI text: look for the text a few times; present means the generation took effect. */
function textRecovery(target: { read: string; field: string; title: string }): Recovery {
  return {
    async after(ctx: RecoveryContext) {
      const { read, op, wire, error } = ctx;
      const sessionId = String(wire.session_id);
      for (const pause of LOOK_PAUSES_MS) {
        const options = await beforeLook(ctx, pause);
        if (!options) break;
        try {
          const report = (await read(target.read, { session_id: sessionId }, options)) as Record<string, unknown>;
          if (hasText(report[target.field])) return { session_id: sessionId, [target.field]: report[target.field], recovered: true };
        } catch (err) {
          if (!(err instanceof AikynetixError) || !err.retryable) break;
        }
      }
      throw unknown(op, error, sessionId, `${target.title} (its ${target.field})`);
    },
  };
}

/** The recovery of one generate operation. */
export function generateRecovery(op: AnyOperation): Recovery | undefined {
  if (op.id === 'sessions.generateAnalyzedVideo') return analyzedVideoRecovery;
  const target = TEXT_OF[op.id];
  return target ? textRecovery(target) : undefined;
}

function unknown(op: AnyOperation, error: AikynetixError, sessionId: string, where: string): OutcomeUnknownError {
  const check = `wait a few minutes and look at ${where} for session ${sessionId}; generate again only if it is still missing`;
  return new OutcomeUnknownError(
    `${op.title}: ${describeLoss(error)}, so it is not known whether the generation started. Do not generate again yet (it could be done and billed twice): ${check}`,
    { operationId: op.id, status: error.status, cause: error, candidates: [sessionId], hint: `Generating again could duplicate it: ${check}.` },
  );
}
